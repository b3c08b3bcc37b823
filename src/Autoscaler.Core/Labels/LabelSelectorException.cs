namespace Autoscaler.Core.Labels;

/// <summary>Thrown when a label selector does not parse or names an invalid key or value.</summary>
public sealed class LabelSelectorException : FormatException
{
    /// <summary>Creates the exception with a message that explains the problem.</summary>
    public LabelSelectorException(string message)
        : base(message)
    {
    }
}
