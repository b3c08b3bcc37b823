using System.Globalization;

namespace Autoscaler.Simulator.Reporting;

/// <summary>HTML helpers shared by the replay and compare pages: escaping, number formats, the page shell.</summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1160px;color:#222;background:#fafafa}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
        .sub{color:#666;margin:0 0 18px;font-size:13px}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
        .card{background:#fff;border:1px solid #e3e3e3;border-radius:8px;padding:10px 14px;min-width:130px}
        .card b{display:block;font-size:22px}.card span{color:#666;font-size:12px}
        .bad b{color:#c0392b}.good b{color:#1e8449}
        .chart{background:#fff;border:1px solid #e3e3e3;border-radius:8px;width:100%;height:auto}
        table{border-collapse:collapse;background:#fff;font-size:13px}
        td,th{border:1px solid #e3e3e3;padding:4px 10px;text-align:right}th{background:#f2f2f2}
        td:first-child,th:first-child{text-align:left}
        pre{background:#fff;border:1px solid #e3e3e3;padding:10px;font-size:12px;overflow:auto}
        .note{color:#666;font-size:12px}
        """;

    public static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    public static string Number(double v)
    {
        if (Math.Abs(v) >= 100 || v == Math.Floor(v)) return v.ToString("#,0", CultureInfo.InvariantCulture);
        return Math.Abs(v) < 0.01 ? v.ToString("G3", CultureInfo.InvariantCulture) : v.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Page(string title, string body, int maxWidth = 1160) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title><style>{Style}body{{max-width:{maxWidth}px}}</style></head>\n<body>\n{body}\n</body></html>\n";
}
