namespace Autoscaler.MetricsAdapter.Api;

/// <summary>Decides whether a JSON reply is acceptable (PROTOCOLS.md §1.3.4, §1.11).</summary>
internal static class AcceptNegotiation
{
    /// <summary>
    /// True when the Accept header is absent or admits plain JSON: <c>*/*</c>, <c>application/*</c>, or
    /// <c>application/json</c> without an <c>as=</c> parameter (which asks for a different kind, such as
    /// the aggregated <c>APIGroupDiscoveryList</c>). A q-value of 0 excludes a range.
    /// </summary>
    public static bool AcceptsJson(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        foreach (var range in accept.Split(','))
        {
            var parts = range.Split(';');
            var type = parts[0].Trim().ToLowerInvariant();
            var asKind = false;
            var excluded = false;
            foreach (var p in parts.AsSpan(1))
            {
                var kv = p.Split('=', 2);
                var key = kv[0].Trim().ToLowerInvariant();
                var value = kv.Length > 1 ? kv[1].Trim() : string.Empty;
                asKind |= key == "as";
                excluded |= key == "q" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) && q <= 0;
            }

            if (!excluded && (type is "*/*" or "application/*" || (type == "application/json" && !asKind)))
            {
                return true;
            }
        }

        return false;
    }
}
