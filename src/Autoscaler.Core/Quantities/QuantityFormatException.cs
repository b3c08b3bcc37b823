namespace Autoscaler.Core.Quantities;

/// <summary>Thrown when a string is not a valid Kubernetes quantity; the message names the offending part.</summary>
public sealed class QuantityFormatException : FormatException
{
    /// <summary>Creates the exception with a message that explains what is wrong with the input.</summary>
    public QuantityFormatException(string message)
        : base(message)
    {
    }
}
