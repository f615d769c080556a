using Microsoft.CodeAnalysis;

namespace Buildkite.Dsl.Generators;

/// <summary>A problem with a plugin.yml or overlay, with the file, the place and the JSON path of the construct.</summary>
internal sealed class GeneratorDiagnostic
{
    public GeneratorDiagnostic(DiagnosticDescriptor descriptor, string message, string filePath, int offset, int length, int line, int column)
    {
        Descriptor = descriptor;
        Message = message;
        FilePath = filePath;
        Offset = offset;
        Length = length;
        Line = line;
        Column = column;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity => Descriptor.DefaultSeverity;

    public string Message { get; }

    public string FilePath { get; }

    public int Offset { get; }

    public int Length { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>As a compiler prints it: <c>file(line,col): error BKDG002: message</c>.</summary>
    public override string ToString() =>
        $"{FilePath}({Line},{Column}): {(Severity == DiagnosticSeverity.Error ? "error" : Severity == DiagnosticSeverity.Warning ? "warning" : "info")} {Id}: {Message}";
}

/// <summary>The generator's diagnostics. Every message names the JSON path of the construct in the file.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "Buildkite.Dsl.Plugins";

    public static readonly DiagnosticDescriptor Syntax = new(
        "BKDG001", "plugin.yml cannot be read", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "BKDG002", "Unsupported schema construct", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The plugin's configuration schema uses a construct the generator cannot map to C#. No binding is generated for the plugin; complete or correct the schema with an overlay file.");

    public static readonly DiagnosticDescriptor Malformed = new(
        "BKDG003", "Malformed schema", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A keyword of the configuration schema has a value of the wrong shape. No binding is generated for the plugin.");

    public static readonly DiagnosticDescriptor NoReference = new(
        "BKDG004", "Plugin reference unknown", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A plugin.yml does not say where the plugin comes from. Give the AdditionalFiles item PluginReference and PluginVersion metadata (for example my-org/my-plugin and v1.0.0), or put 'reference: my-org/my-plugin#v1.0.0' in an overlay file.");

    public static readonly DiagnosticDescriptor Collision = new(
        "BKDG005", "Names collide", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Two options give the same C# name or the same environment variable (the agent upper-cases keys and turns '-' into '_'), or two plugins give the same type name.");

    public static readonly DiagnosticDescriptor Overlay = new(
        "BKDG006", "Overlay problem", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Heuristic = new(
        "BKDG007", "Schema read with a heuristic", "{0}", Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "The schema says something validators ignore (for example 'properties' on an array); the generator reads it as the plugin's author meant it and says so in the binding's documentation.");
}
