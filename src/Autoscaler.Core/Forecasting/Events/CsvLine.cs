using System.Text;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>Splits one CSV line (RFC 4180 quoting on one line: <c>"a, b"</c> and doubled quotes <c>""</c>).</summary>
internal static class CsvLine
{
    /// <summary>
    /// The fields of <paramref name="line"/>; at most <paramref name="maxFields"/>, the last taking the rest of
    /// the line as written (so a trailing free-text column may contain commas).
    /// </summary>
    public static List<string> Split(string line, int maxFields = int.MaxValue)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (fields.Count == maxFields - 1 && !quoted && field.Length == 0 && c != '"')
            {
                fields.Add(line[i..]);
                return fields;
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
