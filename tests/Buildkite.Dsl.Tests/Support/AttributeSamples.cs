using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Finds a step type's attributes by reflection and gives each a sample value, so tests cover every
/// property, including ones added later.
/// </summary>
internal static class AttributeSamples
{
    /// <summary>
    /// Settable properties that are not YAML attributes: the escape hatch <c>Extra</c>, and the pipeline's settings
    /// for the checks (<c>ExternalKeys</c>, <c>MaxJobsPerUpload</c>), which are never written.
    /// </summary>
    public static IReadOnlySet<string> NotAttributes { get; } = new HashSet<string>(StringComparer.Ordinal) { "Extra", "ExternalKeys", "MaxJobsPerUpload" };

    /// <summary>The public settable properties of <typeparamref name="T"/> that are YAML attributes (see <see cref="NotAttributes"/>).</summary>
    public static IReadOnlyList<string> PropertyNames<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !NotAttributes.Contains(p.Name)).Select(p => p.Name).ToList();

    /// <summary><see cref="PropertyNames{T}"/> as theory data, less the <paramref name="excluded"/> ones.</summary>
    public static TheoryData<string> Properties<T>(params string[] excluded) => new(PropertyNames<T>().Except(excluded));

    /// <summary>The YAML key a property name maps to by Buildkite's naming (<c>ArtifactPaths</c> → <c>artifact_paths</c>).</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>A copy of <paramref name="step"/> with <paramref name="property"/> set to its sample value.</summary>
    public static T With<T>(T step, string property)
        where T : Step
    {
        var copy = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(step, null)!;
        var info = typeof(T).GetProperty(property)!;
        info.SetValue(copy, Sample(info.PropertyType));
        return copy;
    }

    /// <summary>A non-default value of the given property type.</summary>
    public static object Sample(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(string) => "sample",
            _ when underlying == typeof(int) => 3,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(IReadOnlyList<string>) => new[] { "sample" },
            _ when underlying == typeof(IReadOnlyDictionary<string, string>) => new Dictionary<string, string> { ["SAMPLE"] = "value" },
            _ when underlying == typeof(Agents) => new Agents { ["queue"] = "sample" },
            _ when underlying == typeof(Secrets) => Secrets.Create(["SAMPLE_SECRET"]),
            _ when underlying == typeof(IReadOnlyList<Plugin>) => new Plugin[] { new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "alpine" }) },
            _ when underlying == typeof(Cache) => (Cache)"node_modules",
            _ when underlying == typeof(Matrix) => Matrix.Create(["a", "b"]),
            _ when underlying == typeof(ConcurrencyMethod) => ConcurrencyMethod.Eager,
            _ when underlying == typeof(Retry) => new Retry { Automatic = true },
            _ when underlying == typeof(SoftFail) => (SoftFail)true,
            _ when underlying == typeof(Skip) => (Skip)"Sample reason",
            _ when underlying == typeof(IfChanged) => (IfChanged)"src/**",
            _ when underlying == typeof(Branches) => (Branches)"main",
            _ when underlying == typeof(Condition) => new Condition("build.branch == \"main\""),
            _ when underlying == typeof(IReadOnlyList<Dependency>) => new Dependency[] { "other" },
            _ when underlying == typeof(IReadOnlyList<StepNotification>) => new StepNotification[] { new SlackNotification { Channels = ["#sample"] } },
            _ when underlying == typeof(IReadOnlyList<BuildNotification>) => new BuildNotification[] { new EmailNotification { Email = "a@example.com" } },
            _ when underlying == typeof(Signature) => new Signature { Algorithm = "EdDSA", Value = "sig" },
            _ when underlying == typeof(IReadOnlyList<Field>) => new Field[] { new TextField { Key = "sample" } },
            _ when underlying == typeof(BlockedState) => BlockedState.Failed,
            _ when underlying == typeof(TriggerBuild) => new TriggerBuild { Branch = "main" },
            _ when underlying == typeof(IReadOnlyList<GroupableStep>) => new GroupableStep[] { new CommandStep { Command = "make" }, Dsl.Step.Wait },
            _ => throw new NotSupportedException($"No sample for {type}; add one so the new attribute is tested."),
        };
    }
}
