using System.Text.RegularExpressions;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>Validates a <see cref="RulesFile"/> and compiles its rules, collecting every error with its location.</summary>
internal static partial class RuleCompiler
{
    public static readonly IReadOnlySet<string> QueryFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "Series", "LabelMatchers", "GroupBy", "GroupBySlice",
    };

    private static readonly IReadOnlySet<string> ResourceFields = new HashSet<string>(StringComparer.Ordinal) { "Group", "Resource" };

    public static IReadOnlyList<MetricRule> Compile(RulesFile file, string fileName, List<string> errors)
    {
        var rules = new List<MetricRule>();
        Add(file.Rules, "rules", external: false);
        Add(file.ExternalRules, "externalRules", external: true);
        if (rules.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{fileName}: no rules or externalRules");
        }

        return rules;

        void Add(List<RuleConfig>? configs, string section, bool external)
        {
            for (var i = 0; i < (configs?.Count ?? 0); i++)
            {
                if (CompileOne(configs![i], $"{section}[{i}]", fileName, external, errors) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }
    }

    /// <summary>Fields that render a comma-separated list; an empty one takes an adjacent comma with it.</summary>
    public static readonly IReadOnlySet<string> ListFields = new HashSet<string>(StringComparer.Ordinal) { "LabelMatchers", "GroupBy" };

    private static MetricRule? CompileOne(RuleConfig config, string name, string fileName, bool external, List<string> errors)
    {
        var at = $"{fileName}: {name}";
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(config.SeriesQuery))
        {
            errors.Add($"{at}.seriesQuery: required");
        }

        var filters = new List<(Regex, bool)>();
        for (var f = 0; f < (config.SeriesFilters?.Count ?? 0); f++)
        {
            var filter = config.SeriesFilters![f];
            if ((filter.Is is null) == (filter.IsNot is null))
            {
                errors.Add($"{at}.seriesFilters[{f}]: set exactly one of 'is' and 'isNot'");
                continue;
            }

            if (Pattern(filter.Is ?? filter.IsNot!, $"{at}.seriesFilters[{f}].{(filter.Is is null ? "isNot" : "is")}", errors) is { } regex)
            {
                filters.Add((regex, filter.Is is not null));
            }
        }

        var matches = Pattern(config.Name?.Matches ?? ".*", $"{at}.name.matches", errors);
        var nameAs = config.Name?.As;
        if (string.IsNullOrEmpty(nameAs))
        {
            // prometheus-adapter's default: the single capture group if there is exactly one, else the whole match.
            nameAs = matches?.GetGroupNumbers().Length == 2 ? "$1" : "$0";
        }
        else if (matches is not null)
        {
            try
            {
                // Parses the replacement now: '${99999999999999999999999999999}' threw out of discovery (issue #15, found by fuzzing).
                _ = matches.Replace(string.Empty, nameAs);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{at}.name.as: invalid replacement '{nameAs}': {ex.Message}");
            }
        }

        var overrides = new Dictionary<string, GroupResource>(StringComparer.Ordinal);
        foreach (var (label, target) in config.Resources?.Overrides ?? [])
        {
            if (string.IsNullOrWhiteSpace(target?.Resource))
            {
                errors.Add($"{at}.resources.overrides.{label}.resource: required");
                continue;
            }

            overrides[label] = KnownResources.Normalise(target.Group, target.Resource);
        }

        QueryTemplate? resourceTemplate = null;
        if (config.Resources?.Template is { } templateText)
        {
            resourceTemplate = QueryTemplate.Compile(templateText, ResourceFields, out var templateError);
            if (templateError is not null)
            {
                errors.Add($"{at}.resources.template: {templateError}");
            }
        }

        QueryTemplate? query = null;
        if (string.IsNullOrWhiteSpace(config.MetricsQuery))
        {
            errors.Add($"{at}.metricsQuery: required");
        }
        else
        {
            query = QueryTemplate.Compile(config.MetricsQuery, QueryFields, out var queryError);
            if (queryError is not null)
            {
                errors.Add($"{at}.metricsQuery: {queryError}");
            }
        }

        if (!external && overrides.Count == 0 && resourceTemplate is null && errors.Count == before)
        {
            errors.Add($"{at}.resources: a custom-metrics rule needs overrides or a template to know which objects its series describe");
        }

        return errors.Count > before ? null : new MetricRule
        {
            Location = at,
            Name = name,
            IsExternal = external,
            SeriesQuery = config.SeriesQuery!,
            SeriesFilters = filters,
            NameMatches = matches!,
            NameAs = nameAs,
            Resources = new ResourceMapper(overrides, resourceTemplate),
            Namespaced = config.Resources?.Namespaced ?? true,
            MetricsQuery = query!,
        };
    }

    /// <summary>Longest regular expression accepted in a rule (RE2, which prometheus-adapter uses, has a similar program-size bound).</summary>
    public const int MaxPatternLength = 1_000;

    // Configurations are written for Go's RE2: translate its (?P<name>...) groups, which .NET does not accept, and match
    // in linear time as RE2 does. A backtracking regex such as (a+)+$ took exponential time on a long series name and
    // threw RegexMatchTimeoutException out of discovery (issue #15, RulesFileHostileRegressionTests); NonBacktracking refuses at load
    // what RE2 refuses too (backreferences, lookarounds, atomic groups).
    private static Regex? Pattern(string text, string at, List<string> errors)
    {
        if (text.Length > MaxPatternLength)
        {
            errors.Add($"{at}: regular expression of {text.Length} characters; at most {MaxPatternLength}");
            return null;
        }

        try
        {
            return new Regex(GoNamedGroup().Replace(text, "(?<"), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            errors.Add($"{at}: invalid regular expression '{text}': {ex.Message}");
            return null;
        }
    }

    [GeneratedRegex(@"\(\?P<")]
    private static partial Regex GoNamedGroup();
}
