namespace Autoscaler.Core.Labels;

/// <summary>The operators of the label-selector grammar (PROTOCOLS.md §1.7).</summary>
public enum SelectorOperator
{
    /// <summary><c>k=v</c>: present and equal.</summary>
    Equals,

    /// <summary><c>k==v</c>: present and equal.</summary>
    DoubleEquals,

    /// <summary><c>k!=v</c>: absent or different.</summary>
    NotEquals,

    /// <summary><c>k in (a,b)</c>: present and one of the values.</summary>
    In,

    /// <summary><c>k notin (a,b)</c>: absent or none of the values.</summary>
    NotIn,

    /// <summary><c>k</c>: present.</summary>
    Exists,

    /// <summary><c>!k</c>: absent.</summary>
    DoesNotExist,

    /// <summary><c>k&gt;n</c>: present and, as an integer, greater than n.</summary>
    GreaterThan,

    /// <summary><c>k&lt;n</c>: present and, as an integer, less than n.</summary>
    LessThan,
}
