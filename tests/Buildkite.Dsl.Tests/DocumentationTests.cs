using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Buildkite.Dsl.Tests;

/// <summary>
/// The XML docs are the manual. The compiler already fails on a missing doc (CS1591); these tests check what it
/// cannot: every optional property says what happens when it is not set.
/// </summary>
public class DocumentationTests
{
    private static readonly Lazy<Dictionary<string, XElement>> Members = new(() =>
        XDocument.Load(Path.ChangeExtension(typeof(Pipeline).Assembly.Location, ".xml"))
            .Descendants("member")
            // File-local helper types of generated bindings (BindingJson, BindingChecks) share one doc id; they are not public.
            .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>
    /// Public properties of the pipeline model (namespaces <c>Buildkite.Dsl</c> and <c>Buildkite.Dsl.Plugins</c>)
    /// that a user sets in an object initializer and may leave out: not <c>required</c>, and not taken by a
    /// constructor.
    /// </summary>
    public static TheoryData<string> OptionalProperties()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(Pipeline).Assembly.GetExportedTypes().Where(t => t.Namespace is "Buildkite.Dsl" or "Buildkite.Dsl.Plugins"))
        {
            var constructorParameters = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.IsPublic || c.IsFamily)
                .SelectMany(c => c.GetParameters())
                .Select(p => p.Name)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var settable = property.SetMethod is { IsPublic: true };
                var required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
                if (settable && !required && property.GetIndexParameters().Length == 0 && !constructorParameters.Contains(property.Name))
                {
                    data.Add($"{type.FullName}.{property.Name}");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OptionalProperties))]
    public void Optional_property_documents_its_default_with_a_value_element(string property)
    {
        // Given
        var member = Members.Value.GetValueOrDefault("P:" + property);

        // When
        var value = member?.Element("value")?.Value.Trim();

        // Then
        member.Should().NotBeNull("every public property has XML docs");
        value.Should().StartWith("The default is ", "an optional property says what Buildkite does when it is not set");
    }

    [Theory]
    [MemberData(nameof(OptionalProperties))]
    public void Optional_property_summary_names_its_yaml_key(string property)
    {
        // Given
        if (Support.AttributeSamples.NotAttributes.Contains(property[(property.LastIndexOf('.') + 1)..]))
        {
            return;
        }

        var member = Members.Value["P:" + property];

        // When
        var summary = member.Element("summary")!;

        // Then
        summary.Descendants("c").Should().NotBeEmpty("the summary names the YAML key in <c>…</c>, as Buildkite's docs do");
    }

    [Fact]
    public void There_are_optional_properties_to_check()
    {
        // Given
        var properties = OptionalProperties();

        // When
        var count = properties.Count;

        // Then
        count.Should().BeGreaterThan(70);
    }
}
