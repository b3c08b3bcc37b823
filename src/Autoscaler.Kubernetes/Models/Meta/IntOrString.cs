using System.Globalization;
using System.Text.Json.Serialization;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>A value that is either an integer or a string on the wire (intstr.IntOrString), such as a target port.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    /// <summary>Creates an integer value.</summary>
    /// <param name="value">The integer.</param>
    public IntOrString(int value) => IntValue = value;

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string, such as a port name or a percentage.</param>
    public IntOrString(string value) => StringValue = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The integer, when this holds one.</summary>
    public int? IntValue { get; }

    /// <summary>The string, when this holds one.</summary>
    public string? StringValue { get; }

    /// <summary>Wraps an integer.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator IntOrString(int value) => new(value);

    /// <summary>Wraps a string.</summary>
    /// <param name="value">The string.</param>
    public static implicit operator IntOrString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => StringValue ?? IntValue?.ToString(CultureInfo.InvariantCulture) ?? "";
}
