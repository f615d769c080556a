using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>The outcome of compiling a script: the compiled script, or the compiler's errors.</summary>
/// <param name="Script">The compiled script; <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Errors as <c>file(line,col): error CSxxxx: message</c>.</param>
internal sealed record CompileResult(CompiledScript? Script, IReadOnlyList<string> Errors)
{
    /// <summary>The compiler's warnings, formatted like <see cref="Errors"/> (the runner does not print them; import's tests require none).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Source files the compiler read from disk because they were not among the given sources (a <c>#load</c> the
    /// directive reader did not see). A compiled script that depends on them must not be cached under a key that
    /// does not cover them.
    /// </summary>
    public IReadOnlyList<string> OtherSources { get; init; } = [];
}

/// <summary>
/// Compiles a script with Roslyn into an in-memory assembly. This is the only type that touches Roslyn: a
/// run that finds its compiled script in a cache never calls it, so the compiler is never loaded.
/// </summary>
internal static class ScriptCompiler
{
    /// <summary>The namespaces every script imports, the same as dotnet-script's, so a script runs the same under both.</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        "System",
        "System.IO",
        "System.Collections.Generic",
        "System.Console",
        "System.Diagnostics",
        "System.Dynamic",
        "System.Linq",
        "System.Linq.Expressions",
        "System.Text",
        "System.Threading.Tasks",
    ];

    /// <summary>Compiles the script at <paramref name="scriptPath"/> (absolute) with the given references.</summary>
    /// <param name="scriptPath">The script's full path; <c>#load</c> paths are relative to the file they stand in.</param>
    /// <param name="code">The script's text.</param>
    /// <param name="sources">
    /// The bytes of the files the script loads, by full path, as the directive reader read them: the compiler
    /// reads these instead of the disk, so that what is compiled is what the cache key was made of.
    /// </param>
    /// <param name="references">
    /// Assemblies to compile against besides the framework, Buildkite.Dsl and the globals: those of the
    /// resolved packages and of <c>#r</c> paths.
    /// </param>
    /// <param name="cancellationToken">Cancels the compilation.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static CompileResult Compile(
        string scriptPath,
        string code,
        IReadOnlyDictionary<string, byte[]> sources,
        IReadOnlyList<string> references,
        CancellationToken cancellationToken)
    {
        var cache = new ReferenceCache();
        var sourceResolver = new SnapshotSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, Path.GetDirectoryName(scriptPath)), sources);
        var options = ScriptOptions.Default
            .WithFilePath(scriptPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithReferences(FrameworkAssemblies.Paths.Append(typeof(Pipeline).Assembly.Location).Concat(references).Select(cache.Get))
            .WithImports(Imports)
            .WithMetadataResolver(new DirectiveResolver(cache))
            .WithSourceResolver(sourceResolver)
            .WithEmitDebugInformation(true)
            .WithLanguageVersion(LanguageVersion.Latest);
        var script = CSharpScript.Create(code, options, typeof(ScriptGlobals));
        var compilation = script.GetCompilation();
        compilation = compilation
            .WithAssemblyName("buildkite-dsl-script")
            .WithOptions(compilation.Options.WithDeterministic(true).WithConcurrentBuild(false));

        using var image = new MemoryStream();
        var result = compilation.Emit(
            image,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            cancellationToken: cancellationToken);
        List<string> Of(DiagnosticSeverity severity) => result.Diagnostics
            .Where(d => d.Severity == severity)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => Format(d, scriptPath))
            .ToList();
        var errors = Of(DiagnosticSeverity.Error);
        if (!result.Success || errors.Count > 0)
        {
            return new CompileResult(null, errors.Count > 0 ? errors : [$"{DisplayPath.Of(scriptPath)}: error: the script could not be compiled."]);
        }

        var entryPoint = compilation.GetEntryPoint(cancellationToken)
            ?? throw new InvalidOperationException("The script compilation has no entry point.");
        var bytes = image.ToArray();
        var typeName = entryPoint.ContainingType.MetadataName;
        return new CompileResult(new CompiledScript(bytes, typeName, entryPoint.MetadataName, TokenOf(bytes, typeName, entryPoint.MetadataName)), [])
        {
            Warnings = Of(DiagnosticSeverity.Warning),
            OtherSources = sourceResolver.OtherSources,
        };
    }

    /// <summary>The metadata token of a method of a top-level type of the image.</summary>
    private static int TokenOf(byte[] image, string typeName, string methodName)
    {
        using var reader = new PEReader(ImmutableArray.Create(image));
        var metadata = reader.GetMetadataReader();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            if (!type.GetDeclaringType().IsNil || !metadata.StringComparer.Equals(type.Name, typeName))
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                if (metadata.StringComparer.Equals(metadata.GetMethodDefinition(methodHandle).Name, methodName))
                {
                    return MetadataTokens.GetToken(methodHandle);
                }
            }
        }

        throw new InvalidOperationException($"The compiled script has no method {typeName}.{methodName}.");
    }

    private static string Format(Diagnostic diagnostic, string scriptPath)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        if (!diagnostic.Location.IsInSource && diagnostic.Location.Kind != LocationKind.ExternalFile)
        {
            return $"{DisplayPath.Of(scriptPath)}: {severity} {diagnostic.Id}: {message}";
        }

        var span = diagnostic.Location.GetMappedLineSpan();
        var file = string.IsNullOrEmpty(span.Path) ? scriptPath : span.Path;
        return $"{DisplayPath.Of(file)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {message}";
    }

    /// <summary>Creates each metadata reference once, so that a file referenced twice is one reference.</summary>
    private sealed class ReferenceCache
    {
        private readonly ConcurrentDictionary<string, PortableExecutableReference> _references = new(StringComparer.Ordinal);

        public PortableExecutableReference Get(string path) => _references.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));
    }

    /// <summary>
    /// Resolves <c>#load</c> like <see cref="SourceFileResolver"/>, but serves the bytes the directive reader read
    /// (and the cache key was made of) instead of reading the disk again; notes any other file it has to read.
    /// </summary>
    private sealed class SnapshotSourceResolver(SourceFileResolver files, IReadOnlyDictionary<string, byte[]> sources) : SourceReferenceResolver
    {
        private readonly ConcurrentQueue<string> _otherSources = new();

        public IReadOnlyList<string> OtherSources => [.. _otherSources];

        public override bool Equals(object? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => 0;

        public override string? NormalizePath(string path, string? baseFilePath) => files.NormalizePath(path, baseFilePath);

        public override string? ResolveReference(string path, string? baseFilePath) => files.ResolveReference(path, baseFilePath);

        public override Stream OpenRead(string resolvedPath)
        {
            if (sources.TryGetValue(Path.GetFullPath(resolvedPath), out var bytes))
            {
                return new MemoryStream(bytes, writable: false);
            }

            _otherSources.Enqueue(resolvedPath);
            return files.OpenRead(resolvedPath);
        }
    }

    /// <summary>
    /// Resolves <c>#r</c>: paths to files relative to the script that names them. A <c>nuget:</c> reference
    /// was resolved before compiling and its assemblies are among the compilation's references already; the
    /// compiler takes exactly one reference per directive, so it gets Buildkite.Dsl's, which is always there.
    /// </summary>
    private sealed class DirectiveResolver(ReferenceCache cache) : MetadataReferenceResolver
    {
        public override bool Equals(object? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => 0;

        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
        {
            if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                return [cache.Get(typeof(Pipeline).Assembly.Location)];
            }

            var directory = baseFilePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(baseFilePath)!;
            var path = Path.GetFullPath(reference, directory);
            return File.Exists(path) ? [cache.Get(path)] : [];
        }
    }
}
