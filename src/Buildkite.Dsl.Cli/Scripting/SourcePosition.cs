namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>A place in a script file, 1-based, printed as <c>file(line,col)</c> like compiler messages.</summary>
internal readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{DisplayPath.Of(File)}({Line},{Column})";
}
