using System.Globalization;
using System.Text;

namespace Autoscaler.Controller.Tests.Support;

/// <summary>Scripted Prometheus answers: a one-series <c>query_range</c> matrix for any start, end and step.</summary>
internal static class QueryRangeAnswers
{
    /// <summary>
    /// The matrix answering the <c>query_range</c> request <paramref name="uri"/> (its start, end and step in seconds), one
    /// value per step from <paramref name="load"/> at that instant (UTC).
    /// </summary>
    public static string Matrix(Uri uri, Func<DateTime, double> load)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var start = double.Parse(query["start"]!, CultureInfo.InvariantCulture);
        var end = double.Parse(query["end"]!, CultureInfo.InvariantCulture);
        var step = double.Parse(query["step"]!, CultureInfo.InvariantCulture);
        var values = new StringBuilder();
        for (var t = start; t <= end; t += step)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds((long)(t * 1000)).UtcDateTime;
            values.Append(CultureInfo.InvariantCulture, $"{(values.Length == 0 ? "" : ",")}[{t},\"{load(at):0.###}\"]");
        }

        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[" + values + "]}]}}";
    }
}
