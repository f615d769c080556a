using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Buildkite.Dsl.Generators;

/// <summary>
/// Generates a typed binding for every <c>plugin.yml</c> (or <c>*.plugin.yml</c>) a project adds as
/// <c>AdditionalFiles</c>. The item's <c>PluginReference</c> and <c>PluginVersion</c> metadata (or <c>reference:</c> in an overlay
/// <c>*.overlay.yml</c> next to it) says which plugin and version it describes; the bindings go to the
/// namespace in the <c>BuildkitePluginNamespace</c> property, else the project's root namespace.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PluginBindingGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inputs = context.AdditionalTextsProvider
            .Where(file => BindingGenerator.IsDefinition(file.Path) || BindingGenerator.IsOverlay(file.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellation) =>
            {
                var (file, options) = pair;
                var fileOptions = options.GetOptions(file);
                fileOptions.TryGetValue("build_metadata.AdditionalFiles.PluginReference", out var reference);
                fileOptions.TryGetValue("build_metadata.AdditionalFiles.PluginVersion", out var version);
                fileOptions.TryGetValue("build_metadata.AdditionalFiles.PluginTypeName", out var typeName);

                // The options file the compiler reads metadata from treats '#' as a comment, so the version comes apart.
                if (!string.IsNullOrWhiteSpace(reference) && !string.IsNullOrWhiteSpace(version))
                {
                    reference = reference!.Trim() + "#" + version!.Trim();
                }

                return new PluginInput(file.Path, file.GetText(cancellation)?.ToString() ?? string.Empty, reference, typeName);
            })
            .Collect();

        var ns = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.BuildkitePluginNamespace", out var configured);
            return !string.IsNullOrWhiteSpace(configured) ? configured!.Trim() : "Buildkite.Dsl.Plugins";
        });

        var taken = context.CompilationProvider.Combine(ns).Select((pair, _) =>
        {
            var (compilation, name) = pair;
            var space = compilation.GlobalNamespace;
            foreach (var part in name.Split('.'))
            {
                space = space?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            }

            // A string, so that the step is cached while the referenced types stay the same.
            return space is null
                ? string.Empty
                : string.Join(",", space.GetTypeMembers().Where(t => !t.Locations.Any(l => l.IsInSource)).Select(t => t.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        });

        context.RegisterSourceOutput(inputs.Combine(ns).Combine(taken), (output, source) =>
        {
            var ((files, name), names) = source;
            var result = BindingGenerator.Generate(files, name, new HashSet<string>(names.Split(',')));
            foreach (var diagnostic in result.Diagnostics)
            {
                var text = files.FirstOrDefault(f => f.Path == diagnostic.FilePath)?.Text ?? string.Empty;
                var start = System.Math.Min(diagnostic.Offset, text.Length);
                var length = System.Math.Min(diagnostic.Length, text.Length - start);
                var position = new LinePosition(diagnostic.Line - 1, diagnostic.Column - 1);
                var location = Location.Create(diagnostic.FilePath, new TextSpan(start, length), new LinePositionSpan(position, position));
                output.ReportDiagnostic(Diagnostic.Create(diagnostic.Descriptor, location, diagnostic.Message));
            }

            foreach (var file in result.Files)
            {
                output.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
            }
        });
    }
}
