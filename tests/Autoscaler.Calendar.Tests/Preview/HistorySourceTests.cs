using Autoscaler.Calendar.Preview;

namespace Autoscaler.Calendar.Tests.Preview;

public sealed class HistorySourceTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_csv_trace_is_averaged_per_step_and_can_be_retimed_to_end_now()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["timestamp,value", "2014-04-10T00:00:00Z,10", "2014-04-10T00:02:00Z,20", "2014-04-10T00:05:00Z,40"]);
        var asRecorded = await new CsvHistory(file, TimeSpan.FromMinutes(5), false).GetHistoryAsync(new DateTimeOffset(2014, 4, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2014, 4, 10, 0, 10, 0, TimeSpan.Zero), default);
        Assert.Equal([15, 40], asRecorded!.Values.ToArray());
        var retimed = await new CsvHistory(file, TimeSpan.FromMinutes(5), true).GetHistoryAsync(From - TimeSpan.FromMinutes(15), From, default);
        Assert.Equal(40, retimed!.Values[^1]);
        await File.WriteAllLinesAsync(file, ["timestamp,value", "yesterday,1"]);
        var error = await Assert.ThrowsAsync<FormatException>(async () => await new CsvHistory(file, TimeSpan.FromMinutes(5), false).GetHistoryAsync(From, From + TimeSpan.FromHours(1), default));
        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
        File.Delete(file);
    }
}
