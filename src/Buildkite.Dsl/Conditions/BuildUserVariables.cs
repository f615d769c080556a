namespace Buildkite.Dsl;

/// <summary>
/// A user of a build in conditions: <see cref="Build.Author"/> (<c>build.author.*</c>) or
/// <see cref="Build.Creator"/> (<c>build.creator.*</c>).
/// </summary>
/// <remarks>
/// For builds from a source provider these come from the commit, which nobody verified; do not rely on them
/// for authorisation unless every commit is trusted.
/// </remarks>
public sealed class BuildUserVariables
{
    internal BuildUserVariables(string prefix)
    {
        Email = StringExpression.Variable(prefix + ".email");
        Id = StringExpression.Variable(prefix + ".id");
        Name = StringExpression.Variable(prefix + ".name");
        Teams = ArrayExpression.Variable(prefix + ".teams");
    }

    /// <summary>The user's email address (<c>.email</c>).</summary>
    public StringExpression Email { get; }

    /// <summary>The user's id (<c>.id</c>).</summary>
    public StringExpression Id { get; }

    /// <summary>The user's name (<c>.name</c>).</summary>
    public StringExpression Name { get; }

    /// <summary>The slugs of the teams the user is a member of (<c>.teams</c>).</summary>
    public ArrayExpression Teams { get; }
}
