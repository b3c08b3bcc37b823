namespace Autoscaler.Core.Quantities;

/// <summary>How a <see cref="Quantity"/> is written back out, remembered from the text it was parsed from.</summary>
public enum QuantityFormat
{
    /// <summary>Decimal SI suffixes: n, u, m, (none), k, M, G, T, P, E.</summary>
    DecimalSI,

    /// <summary>Binary SI suffixes: Ki, Mi, Gi, Ti, Pi, Ei.</summary>
    BinarySI,

    /// <summary>A base-10 exponent such as <c>e3</c> or <c>e-3</c>.</summary>
    DecimalExponent,
}
