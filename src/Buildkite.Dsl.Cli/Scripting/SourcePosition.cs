namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>A place in a script file, 1-based, printed as <c>file(line,col)</c> like compiler messages.</summary>
/// <remarks>A class: tuples and lists of a struct of this assembly are compiled by the JIT on every run.</remarks>
internal sealed record SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{DisplayPath.Of(File)}({Line},{Column})";
}
