using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>Loads a prometheus-adapter configuration file into compiled rules, or fails with every problem found.</summary>
internal static class RulesLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<MetricRule> LoadFile(string path) => Load(File.ReadAllText(path), path);

    /// <exception cref="RulesFileException">The text is not valid YAML of the expected shape, or a rule is invalid.</exception>
    public static IReadOnlyList<MetricRule> Load(string yaml, string fileName)
    {
        RulesFile? file;
        try
        {
            file = Deserializer.Deserialize<RulesFile?>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new RulesFileException([$"{fileName}:{ex.Start.Line}:{ex.Start.Column}: {detail}"]);
        }

        var errors = new List<string>();
        var rules = RuleCompiler.Compile(file ?? new RulesFile(), fileName, errors);
        return errors.Count > 0 ? throw new RulesFileException(errors) : rules;
    }
}
