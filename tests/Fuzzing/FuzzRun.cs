using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autoscaler.Fuzzing;

/// <summary>
/// Runs a fuzz target over <paramref name="iterations"/> cases and tallies the outcomes. A case passes when the
/// target returns or throws an exception <c>allowed</c> accepts (the parser's documented error type, with a message); any
/// other exception fails the test naming the seed, the case number and the input, so the failure reproduces.
/// </summary>
internal static class FuzzRun
{
    /// <summary>Runs the cases; returns how many were accepted (target returned) and how many refused.</summary>
    /// <param name="mutator">The seeded case source.</param>
    /// <param name="iterations">How many cases.</param>
    /// <param name="target">Parses one case; it may assert on what it parsed.</param>
    /// <param name="allowed">True for the documented refusal (it must carry a non-empty message).</param>
    /// <param name="output">Where the seed, count and tally are printed.</param>
    /// <param name="name">The target's name in the output.</param>
    public static (int Accepted, int Refused) Cases(
        SeededMutator mutator, int iterations, Action<string> target, Func<Exception, bool> allowed, ITestOutputHelper? output, string name)
    {
        var accepted = 0;
        var refused = 0;
        for (var i = 0; i < iterations; i++)
        {
            var input = mutator.Next();
            try
            {
                target(input);
                accepted++;
            }
            catch (Exception e) when (allowed(e) && !string.IsNullOrWhiteSpace(e.Message))
            {
                refused++;
            }
            catch (Exception e)
            {
                throw new XunitException($"{name}: seed 0x{mutator.Seed:x}, case {i} of {iterations}: input \"{SeededMutator.Show(input)}\" escaped as {e.GetType().Name}: {e}");
            }
        }

        output?.WriteLine($"{name}: seed 0x{mutator.Seed:x}, {iterations} cases: {accepted} returned, {refused} refused with the documented error, 0 crashes");
        return (accepted, refused);
    }
}
