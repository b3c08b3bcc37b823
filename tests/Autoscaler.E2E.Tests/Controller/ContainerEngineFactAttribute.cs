namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// A fact that needs a Docker engine (<c>DOCKER_HOST</c> set, as <c>tests/e2e/docker-engine.sh env</c> and
/// <c>tests/e2e/run.sh</c> in containers mode do) and the docker CLI: reported as skipped, not passed, without them
/// (the netns control plane of <c>tests/e2e/control-plane.sh</c> has no engine).
/// </summary>
public sealed class ContainerEngineFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when there is no engine or no docker CLI.</summary>
    public ContainerEngineFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            Skip = "needs a Docker engine: DOCKER_HOST is not set (source <(tests/e2e/docker-engine.sh env))";
        }
        else if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "docker"))))
        {
            Skip = "needs the docker CLI on PATH (images/build.sh calls docker build)";
        }
    }
}
