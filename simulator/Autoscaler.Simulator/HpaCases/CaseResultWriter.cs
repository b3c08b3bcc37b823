using System.Text.Json;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>Writes the verb's result object: one entry per case id, replacing the output file atomically.</summary>
internal static class CaseResultWriter
{
    public static byte[] Serialize(List<(string Id, CaseOutcome Outcome)> results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            foreach (var (id, outcome) in results)
            {
                w.WriteStartObject(id);
                if (outcome.Replicas is { } n)
                {
                    w.WriteNumber("replicas", n);
                }
                else
                {
                    w.WriteString("error", outcome.Error);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }
}
