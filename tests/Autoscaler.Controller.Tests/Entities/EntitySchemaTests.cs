using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Controller.Tests.Entities;

/// <summary>
/// The apiserver silently prunes fields a structural schema does not declare, so every JSON property of the
/// C# entities must exist in the CRD schema with a compatible type (and the reverse for spec fields).
/// </summary>
public sealed class EntitySchemaTests
{
    public static TheoryData<string, Type> Crds => new()
    {
        { "scalingevents.yaml", typeof(V1Alpha1ScalingEvent) },
        { "predictivepolicies.yaml", typeof(V1Alpha1PredictivePolicy) },
    };

    [Theory]
    [MemberData(nameof(Crds))]
    public void Every_entity_property_is_declared_in_the_crd_schema(string file, Type entity)
    {
        var root = CrdSchema.Root(CrdSchema.Load(file));
        var missing = new List<string>();
        Walk(entity, root, "", missing, entitiesToSchema: true);
        Assert.True(missing.Count == 0, "not in the schema (pruned by the apiserver): " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void Every_schema_property_has_an_entity_property(string file, Type entity)
    {
        var root = CrdSchema.Root(CrdSchema.Load(file));
        var missing = new List<string>();
        Walk(entity, root, "", missing, entitiesToSchema: false);
        Assert.True(missing.Count == 0, "not in the entity (lost on round trip): " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Crds))]
    public void Crd_has_status_subresource_group_and_printer_columns(string file, Type entity)
    {
        var crd = CrdSchema.Load(file);
        var attribute = entity.GetCustomAttribute<KubernetesEntityAttribute>()!;
        var spec = CrdSchema.Map(crd, "spec")!;
        Assert.Equal(AutoscalerApi.Group, CrdSchema.Scalar(spec, "group"));
        Assert.Equal(attribute.PluralName + "." + AutoscalerApi.Group, CrdSchema.Scalar(CrdSchema.Map(crd, "metadata")!, "name"));
        Assert.Equal(attribute.Kind, CrdSchema.Scalar(CrdSchema.Map(spec, "names")!, "kind"));
        var version = CrdSchema.Version(crd);
        Assert.Equal(AutoscalerApi.Version, CrdSchema.Scalar(version, "name"));
        Assert.NotNull(CrdSchema.Map(CrdSchema.Map(version, "subresources")!, "status"));
        Assert.NotEmpty(((YamlSequenceNode)CrdSchema.Child(version, "additionalPrinterColumns")!).Children);
    }

    private static void Walk(Type type, YamlMappingNode schema, string path, List<string> missing, bool entitiesToSchema)
    {
        var properties = CrdSchema.Map(schema, "properties");
        var jsonProps = type.GetProperties()
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.Property);
        if (entitiesToSchema)
        {
            foreach (var (name, property) in jsonProps)
            {
                var child = properties is null ? null : CrdSchema.Map(properties, name);
                if (child is null)
                {
                    missing.Add(path + name);
                    continue;
                }

                Recurse(property.PropertyType, child, path + name, missing, entitiesToSchema);
            }
        }
        else if (properties is not null)
        {
            foreach (var key in properties.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!))
            {
                if (!jsonProps.TryGetValue(key, out var property))
                {
                    missing.Add(path + key);
                    continue;
                }

                Recurse(property.PropertyType, (YamlMappingNode)properties.Children[new YamlScalarNode(key)], path + key, missing, entitiesToSchema);
            }
        }
    }

    private static void Recurse(Type type, YamlMappingNode schema, string path, List<string> missing, bool entitiesToSchema)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var kind = CrdSchema.Scalar(schema, "type");
        if (type == typeof(string) || type == typeof(DateTime))
        {
            Expect(kind == "string", path, "string", kind, missing);
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            Expect(kind == "integer", path, "integer", kind, missing);
        }
        else if (type == typeof(double))
        {
            Expect(kind == "number", path, "number", kind, missing);
        }
        else if (type == typeof(bool))
        {
            Expect(kind == "boolean", path, "boolean", kind, missing);
        }
        else if (type.Namespace == "k8s.Models")
        {
            Expect(kind == "object", path, "object", kind, missing);
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>))
        {
            Expect(kind == "object" && CrdSchema.Child(schema, "additionalProperties") is not null, path, "map", kind, missing);
        }
        else if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            Expect(kind == "array", path, "array", kind, missing);
            var element = type.GetGenericArguments()[0];
            if (CrdSchema.Map(schema, "items") is { } items)
            {
                Recurse(element, items, path + "[]", missing, entitiesToSchema);
            }
        }
        else
        {
            Expect(kind == "object", path, "object", kind, missing);
            Walk(type, schema, path + ".", missing, entitiesToSchema);
        }
    }

    private static void Expect(bool ok, string path, string expected, string? actual, List<string> missing)
    {
        if (!ok)
        {
            missing.Add($"{path} (entity {expected}, schema {actual ?? "untyped"})");
        }
    }
}
