using Autoscaler.Shared.Yaml;
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

    /// <exception cref="RulesFileException">The text is not valid YAML of the expected shape (or nested deeper than
    /// <see cref="DepthLimitedParser.MaxDepth"/>), or a rule is invalid.</exception>
    public static IReadOnlyList<MetricRule> Load(string yaml, string fileName)
    {
        RulesFile? file;
        var parser = new DepthLimitedParser(new Parser(new StringReader(yaml)));
        try
        {
            file = Deserializer.Deserialize<RulesFile?>(parser);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new RulesFileException([$"{fileName}:{ex.Start.Line}:{ex.Start.Column}: {detail}"]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet 18.1's scanner throws InvalidOperationException on some malformed flow mappings (found by fuzzing, issue #15).
            throw new RulesFileException([$"{fileName}:{parser.LastMark.Line}:{parser.LastMark.Column}: not valid YAML after this point ({ex.Message})"]);
        }

        var errors = new List<string>();
        var rules = RuleCompiler.Compile(file ?? new RulesFile(), fileName, errors);
        return errors.Count > 0 ? throw new RulesFileException(errors) : rules;
    }
}
