using Autoscaler.Core.Labels;
using k8s.Models;

namespace Autoscaler.Controller.Reconciling;

/// <summary>Maps a metav1.LabelSelector (matchLabels + matchExpressions) to Core's <see cref="LabelSelector"/>.</summary>
public static class HpaSelectors
{
    /// <summary>Maps the selector; null with <paramref name="error"/> set when a key or value is invalid.</summary>
    /// <param name="selector">The selector as stored.</param>
    /// <param name="error">Why it is invalid.</param>
    public static LabelSelector? TryParse(V1LabelSelector selector, out string error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        error = "";
        var requirements = new List<LabelRequirement>();
        try
        {
            foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
            {
                requirements.Add(LabelRequirement.Create(key, SelectorOperator.Equals, [value]));
            }

            foreach (var expression in selector.MatchExpressions ?? [])
            {
                var op = expression.OperatorProperty switch
                {
                    "In" => SelectorOperator.In,
                    "NotIn" => SelectorOperator.NotIn,
                    "Exists" => SelectorOperator.Exists,
                    "DoesNotExist" => SelectorOperator.DoesNotExist,
                    _ => throw new LabelSelectorException($"unknown operator '{expression.OperatorProperty}'"),
                };
                requirements.Add(LabelRequirement.Create(expression.Key, op, expression.Values ?? []));
            }
        }
        catch (LabelSelectorException e)
        {
            error = e.Message;
            return null;
        }

        return LabelSelector.FromRequirements(requirements);
    }
}
