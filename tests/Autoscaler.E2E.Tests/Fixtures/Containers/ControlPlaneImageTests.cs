namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>The image's file list from ldd and its content tag; no engine needed (runs in the unit suite).</summary>
public sealed class ControlPlaneImageTests
{
    [Fact]
    public void Ldd_output_gives_the_libraries_and_the_loader_but_not_the_vdso()
    {
        const string output = """
                linux-vdso.so.1 (0x00007ffd3a1e2000)
                libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f235b992000)
                /lib64/ld-linux-x86-64.so.2 (0x00007f235bb89000)
            """;

        Assert.Equal(["/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"], ControlPlaneImage.LibraryPaths(output));
    }

    [Fact]
    public void A_library_ldd_cannot_find_is_an_error_naming_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ControlPlaneImage.LibraryPaths("\tlibfoo.so.1 => not found\n"));

        Assert.Contains("libfoo.so.1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tmp/", "/tmp/e2e-one/tmp")] // the shared /tmp where two runs' tars collided
    [InlineData("/tmp/e2e-two/tmp/", "/tmp/e2e-one/tmp")] // another run's private directory
    [InlineData("/tmp/e2e-one-other/", "/tmp/e2e-one/tmp")] // a sibling whose name merely starts the same
    [InlineData("/tmp/e2e-one/tmp/", null)] // already private: kept
    [InlineData("/tmp/e2e-one/tmp", null)]
    public void The_build_tar_goes_to_a_temp_directory_inside_the_runs_state(string currentTemp, string? expected)
    {
        Assert.Equal(expected, ControlPlaneImage.PrivateTempDirectory("/tmp/e2e-one", currentTemp));
        Assert.Equal(expected, ControlPlaneImage.PrivateTempDirectory("/tmp/e2e-one/", currentTemp));
    }

    [Fact]
    public void The_tag_changes_when_a_binary_changes_and_not_otherwise()
    {
        var dir = Directory.CreateTempSubdirectory("tcont-tag-");
        try
        {
            var binary = Path.Combine(dir.FullName, "kube-apiserver");
            File.WriteAllText(binary, "one");
            var files = new Dictionary<string, string> { [ControlPlaneImage.ApiServer] = binary };
            var first = ControlPlaneImage.ContentTag(files);

            Assert.Equal(first, ControlPlaneImage.ContentTag(files));
            File.WriteAllText(binary, "other");
            Assert.NotEqual(first, ControlPlaneImage.ContentTag(files));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
