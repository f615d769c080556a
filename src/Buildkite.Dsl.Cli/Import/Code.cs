using System.Text;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>
/// A C# expression of the generated script, as a small tree that knows how to lay itself out: on one line when it
/// is short, else over several lines at the indentation where it stands.
/// </summary>
internal abstract class Code
{
    /// <summary>The widest line the layout aims for.</summary>
    public const int Width = 110;

    /// <summary>The expression on one line, or <see langword="null"/> when it cannot stand on one (a raw string literal, a comment).</summary>
    public abstract string? Inline();

    /// <summary>Writes the expression starting at the current position of a line indented by <paramref name="indent"/>.</summary>
    public abstract void Write(StringBuilder text, string indent, int column);

    /// <summary>Writes the expression, on one line when it fits in the line width from <paramref name="column"/> on.</summary>
    public static void Write(StringBuilder text, Code code, string indent, int column)
    {
        if (code.Inline() is { } line && column + line.Length <= Width)
        {
            text.Append(line);
            return;
        }

        code.Write(text, indent, column);
    }

    /// <summary>The expression as one line even when long (for comparing and counting shared parts), or its multi-line form.</summary>
    public string Key()
    {
        if (Inline() is { } line)
        {
            return line;
        }

        var text = new StringBuilder();
        Write(text, string.Empty, 0);
        return text.ToString();
    }

    public override string ToString() => Key();
}

/// <summary>Text that is a complete expression as it is: a literal, a name, a call.</summary>
internal sealed class Text(string value) : Code
{
    public string Value { get; } = value;

    public override string? Inline() => Value;

    public override void Write(StringBuilder text, string indent, int column) => text.Append(Value);
}

/// <summary>One entry of an object or dictionary initializer: <c>Name = value</c> or <c>["key"] = value</c>, with comments above it.</summary>
internal sealed record Member(string Name, Code Value, IReadOnlyList<string> Comments);

/// <summary>An object creation with an initializer: <c>new CommandStep { … }</c>, <c>new() { … }</c>.</summary>
internal sealed class Init : Code
{
    public Init(string head, IReadOnlyList<Member> members, string? typeName = null)
    {
        Head = head;
        Members = members;
        TypeName = typeName;
    }

    /// <summary><c>new CommandStep</c>, <c>new()</c>, <c>new Dependency(build)</c>.</summary>
    public string Head { get; }

    public IReadOnlyList<Member> Members { get; }

    /// <summary>The type's name, when the head is target-typed (<c>new()</c>), for a variable that holds it.</summary>
    public string? TypeName { get; }

    /// <summary>The same creation with its type written out, for a variable declared with <c>var</c>.</summary>
    public Init Typed() => TypeName is null || Head != "new()" ? this : new Init("new " + TypeName, Members, null);

    public override string? Inline()
    {
        if (Members.Count == 0)
        {
            return Head.EndsWith(')') ? Head : Head + " { }";
        }

        if (Members.Any(m => m.Comments.Count > 0))
        {
            return null;
        }

        var parts = new List<string>(Members.Count);
        foreach (var member in Members)
        {
            if (member.Value.Inline() is not { } value)
            {
                return null;
            }

            parts.Add(member.Name + " = " + value);
        }

        return Head + " { " + string.Join(", ", parts) + " }";
    }

    /// <summary>Writes a value in its multi-line form, looking through a shared value that has no variable.</summary>
    public static void Expand(Code code, StringBuilder text, string indent)
    {
        if (code is Shared { Variable: null } shared)
        {
            Expand(shared.Value, text, indent);
            return;
        }

        code.Write(text, indent, indent.Length);
    }

    /// <summary>Whether a value is a collection expression (<c>[…]</c>), which a long declaration starts on its own line.</summary>
    public static bool IsCollectionExpression(Code code) => code switch
    {
        Collection { Head: null } => true,
        Shared { Variable: null } shared => IsCollectionExpression(shared.Value),
        _ => false,
    };

    public override void Write(StringBuilder text, string indent, int column)
    {
        if (Members.Count == 0)
        {
            text.Append(Inline());
            return;
        }

        var inner = indent + "    ";
        text.Append(Head).Append('\n').Append(indent).Append("{\n");
        foreach (var member in Members)
        {
            foreach (var comment in member.Comments)
            {
                text.Append(inner).Append("// ").Append(comment).Append('\n');
            }

            text.Append(inner).Append(member.Name).Append(" =");
            var at = inner.Length + member.Name.Length + 3;
            if (IsCollectionExpression(member.Value) && !(member.Value.Inline() is { } line && at + line.Length <= Width))
            {
                // A long list starts on its own line: Steps =\n[\n…\n],
                text.Append('\n').Append(inner);
                Expand(member.Value, text, inner);
            }
            else
            {
                text.Append(' ');
                Code.Write(text, member.Value, inner, at);
            }

            text.Append(",\n");
        }

        text.Append(indent).Append('}');
    }
}

/// <summary>An item of a list, with comments above it.</summary>
internal sealed record Item(Code Value, IReadOnlyList<string> Comments);

/// <summary>A collection expression <c>[a, b]</c>, or a collection initializer <c>new JsonArray { a, b }</c>.</summary>
internal sealed class Collection : Code
{
    public Collection(IReadOnlyList<Item> items, string? head = null)
    {
        Items = items;
        Head = head;
    }

    public Collection(IEnumerable<Code> items, string? head = null)
        : this(items.Select(i => new Item(i, [])).ToList(), head)
    {
    }

    public IReadOnlyList<Item> Items { get; }

    /// <summary><see langword="null"/> for a collection expression; <c>new JsonArray</c> for an initializer.</summary>
    public string? Head { get; }

    public override string? Inline()
    {
        if (Items.Any(i => i.Comments.Count > 0))
        {
            return null;
        }

        var parts = new List<string>(Items.Count);
        foreach (var item in Items)
        {
            if (item.Value.Inline() is not { } value)
            {
                return null;
            }

            parts.Add(value);
        }

        return Head is null
            ? "[" + string.Join(", ", parts) + "]"
            : Items.Count == 0 ? Head + "()" : Head + " { " + string.Join(", ", parts) + " }";
    }

    public override void Write(StringBuilder text, string indent, int column)
    {
        if (Items.Count == 0)
        {
            text.Append(Inline());
            return;
        }

        var inner = indent + "    ";
        text.Append(Head is null ? "[" : Head + "\n" + indent + "{").Append('\n');
        foreach (var item in Items)
        {
            foreach (var comment in item.Comments)
            {
                text.Append(inner).Append("// ").Append(comment).Append('\n');
            }

            text.Append(inner);
            Code.Write(text, item.Value, inner, inner.Length);
            text.Append(",\n");
        }

        text.Append(indent).Append(Head is null ? ']' : '}');
    }
}

/// <summary>
/// A raw string literal over several lines; the lines and the closing quotes are indented one level deeper than the
/// line it starts on.
/// </summary>
internal sealed class RawString(string opening, IReadOnlyList<string> lines, string closing) : Code
{
    public override string? Inline() => null;

    public override void Write(StringBuilder text, string indent, int column)
    {
        // The content and the closing quotes one level deeper than the line the literal starts on.
        var inner = indent + "    ";
        text.Append(opening).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line.Length == 0 ? string.Empty : inner + line).Append('\n');
        }

        text.Append(inner).Append(closing);
    }
}

/// <summary>
/// A part of the script that several steps may share, such as a retry policy or a plugin: written in place when it
/// is used once, else declared once as a variable and named where it is used.
/// </summary>
internal sealed class Shared : Code
{
    public Shared(Code value, string name, string? type)
    {
        Value = value;
        Name = name;
        Type = type;
    }

    public Code Value { get; }

    /// <summary>The name the variable would get: from a YAML anchor, else from the attribute.</summary>
    public string Name { get; set; }

    /// <summary>The variable's type when the value is target-typed (<c>Retry</c>, <c>IReadOnlyList&lt;Plugin&gt;</c>); <see langword="null"/> for <c>var</c>.</summary>
    public string? Type { get; }

    /// <summary>Whether an anchor named the value in the YAML, which makes it worth a variable even when short.</summary>
    public bool Anchored { get; init; }

    /// <summary>The variable holding the value, once hoisting chose to declare one.</summary>
    public string? Variable { get; set; }

    public override string? Inline() => Variable ?? Value.Inline();

    public override void Write(StringBuilder text, string indent, int column)
    {
        if (Variable is not null)
        {
            text.Append(Variable);
            return;
        }

        Code.Write(text, Value, indent, column);
    }
}

/// <summary>A call with arguments that may span lines: <c>new UntypedPlugin("x#v1", new JsonObject { … })</c>.</summary>
internal sealed class Call(string head, IReadOnlyList<Code> arguments) : Code
{
    public IReadOnlyList<Code> Arguments => arguments;

    public override string? Inline()
    {
        var parts = arguments.Select(a => a.Inline()).ToList();
        return parts.Any(p => p is null) ? null : head + "(" + string.Join(", ", parts) + ")";
    }

    public override void Write(StringBuilder text, string indent, int column)
    {
        text.Append(head).Append('(');
        column += head.Length + 1;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
                column += 2;
            }

            Code.Write(text, arguments[i], indent, column);
            column += arguments[i].Inline()?.Length ?? 0;
        }

        text.Append(')');
    }
}
