namespace Autoscaler.Simulator.HpaCases;

/// <summary>The cases file cannot be used; the message names the file and, where known, the case id and field.</summary>
internal sealed class CaseFileException(string message) : Exception(message);
