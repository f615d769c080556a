namespace Buildkite.Dsl;

/// <summary>The <c>organization.*</c> variables of Buildkite's conditional language.</summary>
/// <example><code>If = Organization.Slug == "scionproto";</code></example>
public static class Organization
{
    /// <summary>The organisation's id (<c>organization.id</c>).</summary>
    public static StringExpression Id { get; } = StringExpression.Variable("organization.id");

    /// <summary>The organisation's slug (<c>organization.slug</c>).</summary>
    public static StringExpression Slug { get; } = StringExpression.Variable("organization.slug");
}
