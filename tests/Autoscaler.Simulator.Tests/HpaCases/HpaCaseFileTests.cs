using System.Text.Json;
using Autoscaler.Core.Hpa;
using Autoscaler.Simulator.HpaCases;

namespace Autoscaler.Simulator.Tests.HpaCases;

/// <summary>Every case of the shipped hpa-cases.json, one row per case id, through the same runner as the verb.</summary>
public sealed class HpaCaseFileTests
{
    public static TheoryData<string> CaseIds()
    {
        using var doc = CaseFile.Load();
        var ids = new TheoryData<string>();
        foreach (var c in CaseFile.Cases(doc))
        {
            ids.Add(c.GetProperty("id").GetString()!);
        }

        return ids;
    }

    [Fact]
    public void TheShippedFileHoldsAllCases() => Assert.Equal(104, CaseIds().Count);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void CaseMatchesUnderItsOwnProfile(string id)
    {
        using var doc = CaseFile.Load();
        var c = Find(doc, id);
        var field = new JsonField(c, id);
        var profile = CaseRunner.ProfileFor(field, null);
        var outcome = CaseRunner.Run(field, profile);

        Assert.Null(outcome.Error);
        Assert.Equal(ExpectedFor(c, profile), outcome.Replicas);
        AssertDetails(c.GetProperty("expected"), outcome);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void CaseMatchesExpectedByProfileUnderBothProfiles(string id)
    {
        using var doc = CaseFile.Load();
        var c = Find(doc, id);
        if (!c.TryGetProperty("expectedByProfile", out var byProfile))
        {
            return; // only cases whose answer differs by profile carry both answers
        }

        var field = new JsonField(c, id);
        Assert.Equal(byProfile.GetProperty("v1.20").GetInt32(), CaseRunner.Run(field, HpaProfile.V1_20).Replicas);
        Assert.Equal(byProfile.GetProperty("current").GetInt32(), CaseRunner.Run(field, HpaProfile.Current).Replicas);
    }

    private static int ExpectedFor(JsonElement c, HpaProfile profile)
    {
        if (c.TryGetProperty("expectedByProfile", out var byProfile))
        {
            return byProfile.GetProperty(profile == HpaProfile.V1_20 ? "v1.20" : "current").GetInt32();
        }

        var expected = c.GetProperty("expected");
        foreach (var name in new[] { "replicas", "desiredReplicas", "limit" })
        {
            if (expected.TryGetProperty(name, out var v))
            {
                return v.GetInt32();
            }
        }

        return c.GetProperty("expectedReplicas").GetInt32();
    }

    // The values upstream asserts beside the count.
    private static void AssertDetails(JsonElement expected, CaseOutcome outcome)
    {
        if (expected.TryGetProperty("utilizationPercent", out var util))
        {
            Assert.Equal(util.GetInt32(), outcome.UtilizationPercent);
        }

        if (expected.TryGetProperty("averageValueMilli", out var raw))
        {
            Assert.Equal(raw.GetInt64(), outcome.StatusValueMilli);
        }

        if (expected.TryGetProperty("statusValueMilli", out var status))
        {
            Assert.Equal(status.GetInt64(), outcome.StatusValueMilli);
        }

        if (expected.TryGetProperty("condition", out var condition))
        {
            Assert.Equal(condition.GetString(), outcome.Condition);
        }

        if (expected.TryGetProperty("historyLengthAfter", out var length))
        {
            Assert.Equal(length.GetInt32(), outcome.HistoryLength);
        }
    }

    private static JsonElement Find(JsonDocument doc, string id) =>
        CaseFile.Cases(doc).Single(c => c.GetProperty("id").GetString() == id).Clone();
}
