using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Buildkite.Dsl.Generators.Emit;
using Buildkite.Dsl.Generators.Schema;
using Buildkite.Dsl.Generators.Yaml;

namespace Buildkite.Dsl.Generators;

/// <summary>One file given to the generator: a plugin.yml or an overlay, with its AdditionalFiles metadata.</summary>
internal sealed class PluginInput : IEquatable<PluginInput>
{
    public PluginInput(string path, string text, string? reference = null, string? typeName = null)
    {
        Path = path;
        Text = text;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference!.Trim();
        TypeName = string.IsNullOrWhiteSpace(typeName) ? null : typeName!.Trim();
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The <c>PluginReference</c> and <c>PluginVersion</c> metadata joined: where the plugin comes from and which version, <c>my-org/my-plugin#v1.0.0</c>.</summary>
    public string? Reference { get; }

    /// <summary>The <c>PluginTypeName</c> metadata: the C# name of the binding, instead of the one derived from the reference.</summary>
    public string? TypeName { get; }

    public bool Equals(PluginInput? other) =>
        other is not null && Path == other.Path && Text == other.Text && Reference == other.Reference && TypeName == other.TypeName;

    public override bool Equals(object? obj) => Equals(obj as PluginInput);

    public override int GetHashCode() => (Path, Text.Length, Reference, TypeName).GetHashCode();
}

internal sealed class GeneratedFile
{
    public GeneratedFile(string hintName, string typeName, string reference, string source)
    {
        HintName = hintName;
        TypeName = typeName;
        Reference = reference;
        Source = source;
    }

    /// <summary>The file name, <c>DockerPlugin.g.cs</c>.</summary>
    public string HintName { get; }

    public string TypeName { get; }

    public string Reference { get; }

    public string Source { get; }
}

internal sealed class GeneratorResult
{
    public List<GeneratedFile> Files { get; } = new();

    public List<GeneratorDiagnostic> Diagnostics { get; } = new();
}

/// <summary>
/// Turns plugin.yml files (and overlays) into C# bindings. The Roslyn generator
/// (<see cref="PluginBindingGenerator"/>) and the tests call the same code.
/// </summary>
internal static class BindingGenerator
{
    private static readonly HashSet<string> OverlayKeys = new(StringComparer.Ordinal) { "reference", "type-name", "name", "description", "requirements", "configuration" };

    /// <summary>Whether a file is a plugin definition: <c>plugin.yml</c>, <c>plugin.yaml</c>, <c>*.plugin.yml</c>, <c>*.plugin.yaml</c>.</summary>
    public static bool IsDefinition(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name is "plugin.yml" or "plugin.yaml"
            || name.EndsWith(".plugin.yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".plugin.yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a file is an overlay: <c>*.overlay.yml</c> or <c>*.overlay.yaml</c>.</summary>
    public static bool IsOverlay(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(".overlay.yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".overlay.yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The stem that pairs a definition with its overlay: <c>dir/docker.plugin.yml</c> and <c>dir/docker.overlay.yml</c> give <c>dir/docker</c>; <c>dir/plugin.yml</c> gives <c>dir/plugin</c>.</summary>
    private static string Stem(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        var name = System.IO.Path.GetFileName(path);
        foreach (var suffix in new[] { ".plugin.yml", ".plugin.yaml", ".overlay.yml", ".overlay.yaml", ".yml", ".yaml" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        return System.IO.Path.Combine(directory, name);
    }

    /// <summary>Generates one file per plugin. <paramref name="takenTypeNames"/> are names other assemblies already define in <paramref name="ns"/>.</summary>
    public static GeneratorResult Generate(IReadOnlyList<PluginInput> inputs, string ns, ICollection<string>? takenTypeNames = null)
    {
        var result = new GeneratorResult();
        foreach (var model in Models(inputs, result.Diagnostics, takenTypeNames))
        {
            result.Files.Add(new GeneratedFile(model.Root.TypeName + ".g.cs", model.Root.TypeName, model.Reference, BindingWriter.Write(model, ns)));
        }

        return result;
    }

    /// <summary>
    /// The model of each plugin's binding: its types, and for each option its key, C# name and type. The generator
    /// writes bindings from it; <c>buildkite-dsl import</c> reads plugin configurations into bindings with it.
    /// </summary>
    public static List<PluginModel> Models(IReadOnlyList<PluginInput> inputs, List<GeneratorDiagnostic> diagnostics, ICollection<string>? takenTypeNames = null)
    {
        var models = new List<PluginModel>();
        var overlays = inputs.Where(i => IsOverlay(i.Path)).ToDictionary(i => Stem(i.Path), StringComparer.OrdinalIgnoreCase);
        var definitions = inputs.Where(i => IsDefinition(i.Path)).ToList();
        var pending = new List<Pending>();
        foreach (var definition in definitions.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            overlays.TryGetValue(Stem(definition.Path), out var overlay);
            overlays.Remove(Stem(definition.Path));
            if (Read(definition, overlay, diagnostics) is { } plugin)
            {
                pending.Add(plugin);
            }
        }

        foreach (var overlay in overlays.Values.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            if (Read(null, overlay, diagnostics) is { } plugin)
            {
                pending.Add(plugin);
            }
        }

        AssignNames(pending, takenTypeNames ?? Array.Empty<string>(), diagnostics);
        foreach (var plugin in pending.Where(p => p.TypeName is not null))
        {
            var reporter = new Reporter(plugin.ReportPath, diagnostics);
            var typeName = plugin.TypeName!;
            var root = new RecordType(typeName, typeName.Substring(0, typeName.Length - "Plugin".Length), plugin.Schema) { IsPlugin = true };
            var model = new PluginModel(plugin.Reference, plugin.DisplayName, plugin.Description, root)
            {
                SourceName = plugin.SourceName,
                HasOverlay = plugin.HasOverlay,
                ReadmeUrl = ReadmeUrl(plugin.Reference),
            };
            model.Requirements.AddRange(plugin.Requirements);
            TypeMapper.Map(plugin.Schema, plugin.Definitions, model, root.Stem, reporter);
            foreach (var type in model.Types.Where(t => takenTypeNames?.Contains(t.TypeName) == true))
            {
                reporter.Report(GeneratorDiagnostics.Collision, type.Schema.Path, $"the generated type name '{type.TypeName}' is taken by a type of a referenced assembly; give the binding another name with PluginTypeName metadata or 'type-name:' in an overlay.", type.Schema.Node);
            }

            if (reporter.Errors > 0)
            {
                continue;
            }

            models.Add(model);
        }

        return models;
    }

    private sealed class Pending
    {
        public Pending(string reportPath, string sourceName, string reference, string displayName, SchemaNode schema, IReadOnlyDictionary<string, SchemaNode> definitions)
        {
            ReportPath = reportPath;
            SourceName = sourceName;
            Reference = reference;
            DisplayName = displayName;
            Schema = schema;
            Definitions = definitions;
        }

        public string ReportPath { get; }

        public string SourceName { get; }

        public string Reference { get; }

        public string DisplayName { get; }

        public string? Description { get; set; }

        public SchemaNode Schema { get; }

        public IReadOnlyDictionary<string, SchemaNode> Definitions { get; }

        public List<string> Requirements { get; } = new();

        public bool HasOverlay { get; set; }

        public string? RequestedTypeName { get; set; }

        public string? TypeName { get; set; }

        public YamlNode? NameNode { get; set; }
    }

    private static YamlNode? ParseFile(PluginInput input, Reporter reporter)
    {
        try
        {
            var root = YamlParser.Parse(input.Text);
            if (!root.IsMapping)
            {
                reporter.Report(GeneratorDiagnostics.Syntax, "$", "the file must be a YAML mapping.", root);
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            reporter.Report(GeneratorDiagnostics.Syntax, "$", e.Message, YamlNode.Scalar(string.Empty, ScalarStyle.Plain, e.Offset, e.Line, e.Column, 1));
            return null;
        }
    }

    private static Pending? Read(PluginInput? definition, PluginInput? overlay, List<GeneratorDiagnostic> diagnostics)
    {
        var main = definition ?? overlay!;
        var reporter = new Reporter(main.Path, diagnostics);
        var root = definition is null ? YamlNode.Mapping(0, 1, 1) : ParseFile(definition, reporter);
        if (root is null)
        {
            return null;
        }

        string? reference = definition?.Reference ?? overlay?.Reference;
        string? typeName = definition?.TypeName ?? overlay?.TypeName;
        var overlayReporter = overlay is null ? null : new Reporter(overlay.Path, diagnostics);
        if (overlay is not null)
        {
            var patch = ParseFile(overlay, overlayReporter!);
            if (patch is null)
            {
                return null;
            }

            foreach (var entry in patch.Entries.Where(e => !OverlayKeys.Contains(e.Key.Text)))
            {
                overlayReporter!.Report(GeneratorDiagnostics.Overlay, entry.Key.Text, $"'{entry.Key.Text}' is not an overlay key; use reference, type-name, name, description, requirements or configuration.", entry.Key);
            }

            if (patch.Get("reference") is { } overlayReference && reference is null)
            {
                reference = overlayReference.Text;
            }

            if (patch.Get("type-name") is { } overlayTypeName && typeName is null)
            {
                typeName = overlayTypeName.Text;
            }

            foreach (var key in new[] { "name", "description", "requirements" })
            {
                if (patch.Get(key) is { } value)
                {
                    var index = root.Entries.FindIndex(e => e.Key.Text == key);
                    var entry = new KeyValuePair<YamlNode, YamlNode>(patch.GetKey(key)!, value);
                    if (index >= 0)
                    {
                        root.Entries[index] = entry;
                    }
                    else
                    {
                        root.Entries.Add(entry);
                    }
                }
            }

            if (patch.Get("configuration") is { } configurationPatch)
            {
                if (!configurationPatch.IsMapping)
                {
                    overlayReporter!.Report(GeneratorDiagnostics.Overlay, "configuration", "must be a mapping, merged into the plugin.yml's configuration (JSON merge patch).", configurationPatch);
                    return null;
                }

                if (root.Get("configuration") is { IsMapping: true } configuration)
                {
                    configuration.MergePatch(configurationPatch);
                }
                else
                {
                    root.Entries.RemoveAll(e => e.Key.Text == "configuration");
                    root.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(patch.GetKey("configuration")!, configurationPatch.Clone()));
                }
            }

            if (overlayReporter!.Errors > 0)
            {
                return null;
            }
        }

        if (reference is null)
        {
            reporter.Report(GeneratorDiagnostics.NoReference, "$", "the plugin's reference is unknown; add PluginReference and PluginVersion metadata to the AdditionalFiles item (for example PluginReference=\"my-org/my-plugin\" PluginVersion=\"v1.0.0\") or 'reference: my-org/my-plugin#v1.0.0' to an overlay file next to it.", root.Entries.Count > 0 ? root.Entries[0].Key : null);
            return null;
        }

        var hash = reference.IndexOf('#');
        if (hash <= 0 || hash == reference.Length - 1 || reference.IndexOf('#', hash + 1) >= 0 || reference.Any(char.IsWhiteSpace))
        {
            reporter.Report(GeneratorDiagnostics.NoReference, "$", $"the reference '{reference}' must be a source and a version, as in 'my-org/my-plugin#v1.0.0': a binding describes one version.", root.Entries.Count > 0 ? root.Entries[0].Key : null);
            return null;
        }

        var configurationNode = root.Get("configuration");
        if (configurationNode is null)
        {
            reporter.Report(GeneratorDiagnostics.Unsupported, "configuration", "the plugin.yml has no 'configuration', so there is nothing to generate from; describe the options in an overlay file (<name>.overlay.yml next to it).", root.Entries.Count > 0 ? root.Entries[0].Key : null);
            return null;
        }

        var schemaReporter = overlay is not null && definition?.Text.Contains("configuration:") != true ? overlayReporter! : reporter;
        var errorsBefore = schemaReporter.Errors;
        var (schema, definitions) = SchemaReader.Read(configurationNode, schemaReporter);
        if (schema is null || schemaReporter.Errors > errorsBefore)
        {
            return null;
        }

        var name = root.Get("name") is { IsScalar: true } nameNode && nameNode.Text.Length > 0 ? nameNode.Text : PluginName(reference);
        var pending = new Pending(schemaReporter.FilePath, System.IO.Path.GetFileName(main.Path), reference, name, schema, definitions)
        {
            Description = root.Get("description") is { IsScalar: true } description ? description.Text : null,
            HasOverlay = overlay is not null && definition is not null,
            RequestedTypeName = typeName,
            NameNode = root.Entries.Count > 0 ? root.Entries[0].Key : null,
        };
        if (root.Get("requirements") is { IsSequence: true } requirements)
        {
            pending.Requirements.AddRange(requirements.Items.Where(i => i.IsScalar).Select(i => i.Text));
        }

        return pending;
    }

    /// <summary>The source part of a reference, before <c>#</c>, without a trailing <c>/</c>.</summary>
    private static string Source(string reference) => reference.Split('#')[0].TrimEnd('/');

    /// <summary>The plugin's name: the last segment of the source without <c>.git</c> and <c>-buildkite-plugin</c>.</summary>
    public static string PluginName(string reference)
    {
        var source = Source(reference).Replace('\\', '/');
        var name = source.Substring(source.LastIndexOf('/') + 1);
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - 4);
        }

        if (name.EndsWith("-buildkite-plugin", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - "-buildkite-plugin".Length);
        }

        return name;
    }

    /// <summary>The plugin's owner: <c>buildkite-plugins</c> for a short name, else the segment before the name.</summary>
    public static string Owner(string reference)
    {
        var segments = Source(reference).Replace('\\', '/').Split('/').Where(s => s.Length > 0).ToArray();
        return segments.Length switch
        {
            0 or 1 => "buildkite-plugins",
            _ => segments[segments.Length - 2],
        };
    }

    private static string? ReadmeUrl(string reference)
    {
        var source = Source(reference);
        var version = reference.Substring(reference.IndexOf('#') + 1);
        var segments = source.Split('/');
        string? repository = null;
        if (!source.Contains(":") && !source.StartsWith(".", StringComparison.Ordinal) && !source.StartsWith("/", StringComparison.Ordinal))
        {
            repository = segments.Length switch
            {
                1 => $"https://github.com/buildkite-plugins/{segments[0]}-buildkite-plugin",
                2 => $"https://github.com/{segments[0]}/{segments[1]}-buildkite-plugin",
                3 when segments[0] == "github.com" => $"https://github.com/{segments[1]}/{segments[2]}",
                _ => null,
            };
        }
        else if (source.StartsWith("https://github.com/", StringComparison.OrdinalIgnoreCase) && segments.Length == 5)
        {
            repository = $"https://github.com/{segments[3]}/{(segments[4].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[4].Substring(0, segments[4].Length - 4) : segments[4])}";
        }

        return repository is null ? null : $"{repository}/blob/{version}/README.md";
    }

    private static void AssignNames(List<Pending> plugins, ICollection<string> taken, List<GeneratorDiagnostic> diagnostics)
    {
        foreach (var plugin in plugins)
        {
            plugin.TypeName = plugin.RequestedTypeName ?? CSharp.Pascal(PluginName(plugin.Reference)) + "Plugin";
        }

        // On a clash, plugins from owners other than buildkite-plugins take their owner as a prefix.
        foreach (var plugin in plugins)
        {
            var clash = plugins.Any(other => other != plugin && other.TypeName == plugin.TypeName) || taken.Contains(plugin.TypeName!);
            if (clash && plugin.RequestedTypeName is null && Owner(plugin.Reference) != "buildkite-plugins")
            {
                plugin.TypeName = CSharp.Pascal(Owner(plugin.Reference)) + plugin.TypeName;
            }
        }

        foreach (var group in plugins.GroupBy(p => p.TypeName, StringComparer.Ordinal))
        {
            var list = group.ToList();
            if (list.Count > 1 || taken.Contains(group.Key!))
            {
                foreach (var plugin in list)
                {
                    new Reporter(plugin.ReportPath, diagnostics).Report(
                        GeneratorDiagnostics.Collision,
                        "$",
                        $"the binding name '{group.Key}' is taken{(list.Count > 1 ? " by " + string.Join(", ", list.Where(p => p != plugin).Select(p => p.Reference)) : " by a type of a referenced assembly")}; give the AdditionalFiles item PluginTypeName metadata or put 'type-name:' in an overlay.",
                        plugin.NameNode);
                    plugin.TypeName = null;
                }
            }
            else if (list[0].TypeName is { } name && (name.Length <= "Plugin".Length || !char.IsLetter(name[0]) || !name.EndsWith("Plugin", StringComparison.Ordinal)))
            {
                new Reporter(list[0].ReportPath, diagnostics).Report(GeneratorDiagnostics.Collision, "$", $"'{name}' is not a usable binding name: it must be a C# identifier ending in 'Plugin'.", list[0].NameNode);
                list[0].TypeName = null;
            }
        }

        _ = Path.DirectorySeparatorChar;
    }
}
