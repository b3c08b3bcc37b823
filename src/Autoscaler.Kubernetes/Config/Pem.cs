using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.Kubernetes.Errors;

namespace Autoscaler.Kubernetes.Config;

/// <summary>PEM loading with errors that name where the bytes came from.</summary>
internal static class Pem
{
    public static X509Certificate2Collection LoadCertificates(string pem, string source)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new KubernetesConfigException($"{source}: not a PEM certificate bundle: {e.Message}", e);
        }

        if (collection.Count == 0)
        {
            throw new KubernetesConfigException($"{source}: no PEM certificate found");
        }

        return collection;
    }

    public static X509Certificate2 LoadClientCertificate(string certPem, string keyPem, string source)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certPem, keyPem);
        }
        catch (CryptographicException e)
        {
            throw new KubernetesConfigException($"{source}: client certificate and key do not load: {e.Message}", e);
        }
    }

    public static string DecodeBase64(string data, string source)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data.Trim()));
        }
        catch (FormatException e)
        {
            throw new KubernetesConfigException($"{source}: not valid base64", e);
        }
    }
}
