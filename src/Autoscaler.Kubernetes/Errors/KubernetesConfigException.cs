namespace Autoscaler.Kubernetes.Errors;

/// <summary>A kubeconfig or in-cluster configuration that cannot be used, naming the file and the field.</summary>
public sealed class KubernetesConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, with the file and field.</param>
    public KubernetesConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What is wrong, with the file and field.</param>
    /// <param name="inner">The underlying error.</param>
    public KubernetesConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
