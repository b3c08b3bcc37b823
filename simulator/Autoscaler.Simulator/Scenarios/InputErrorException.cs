namespace Autoscaler.Simulator.Scenarios;

/// <summary>Carries every <see cref="InputError"/> found in the inputs up to the verb, which prints them and exits 2.</summary>
internal sealed class InputErrorException : Exception
{
    public InputErrorException(IReadOnlyList<InputError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public InputErrorException(InputError error)
        : this([error])
    {
    }

    public InputErrorException()
        : this([])
    {
    }

    public InputErrorException(string message)
        : this(new InputError(string.Empty, 0, string.Empty, message))
    {
    }

    public InputErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new InputError(string.Empty, 0, string.Empty, message)];
    }

    public IReadOnlyList<InputError> Errors { get; }
}
