using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Cli.Meaning;

/// <summary>A parsed <c>if</c> expression of Buildkite's conditional language.</summary>
internal abstract record ConditionNode;

/// <summary><c>left || right</c>.</summary>
internal sealed record OrNode(ConditionNode Left, ConditionNode Right) : ConditionNode;

/// <summary><c>left &amp;&amp; right</c>.</summary>
internal sealed record AndNode(ConditionNode Left, ConditionNode Right) : ConditionNode;

/// <summary><c>!operand</c>.</summary>
internal sealed record NotNode(ConditionNode Operand) : ConditionNode;

/// <summary><c>left == right</c>, <c>!=</c>, <c>includes</c>.</summary>
internal sealed record CompareNode(string Operator, ConditionNode Left, ConditionNode Right) : ConditionNode;

/// <summary><c>value =~ /pattern/flags</c> or <c>!~</c>.</summary>
internal sealed record MatchNode(string Operator, ConditionNode Value, string Pattern, string Flags) : ConditionNode;

/// <summary>A variable such as <c>build.branch</c>.</summary>
internal sealed record VariableNode(string Name) : ConditionNode;

/// <summary>A call such as <c>build.env("NAME")</c>.</summary>
internal sealed record CallNode(string Name, IReadOnlyList<ConditionNode> Arguments) : ConditionNode
{
    public bool Equals(CallNode? other) => other is not null && Name == other.Name && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Name, Arguments.Count);
}

/// <summary>A string literal; its value may hold upload-time expansions (model text).</summary>
internal sealed record StringNode(string Value) : ConditionNode;

/// <summary>An integer literal.</summary>
internal sealed record IntegerNode(long Value) : ConditionNode;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed record KeywordNode(string Word) : ConditionNode;

/// <summary>An upload-time expansion standing alone (model text), whose value the agent puts in before Buildkite reads the condition.</summary>
internal sealed record ExpansionNode(string Text) : ConditionNode;

/// <summary>
/// Parses <c>if</c> expressions (model text, upload-time expansions wrapped) into <see cref="ConditionNode"/>s,
/// and writes them back in one canonical spelling, so that two conditions that differ only in white space,
/// comments, quotes or redundant parentheses compare equal.
/// </summary>
/// <remarks>
/// This follows the documented language: <c>== != =~ !~ includes</c>, <c>! &amp;&amp; ||</c> with <c>&amp;&amp;</c> binding
/// tighter, parentheses, <c>'…'</c> and <c>"…"</c> strings, <c>/…/flags</c> regexes, integers,
/// <c>true false null</c>, <c>build.env("…")</c> and <c>//</c> comments. Where the documentation leaves the
/// reading open (a <c>!</c> right before a comparison), the text does not parse, so nothing is guessed.
/// </remarks>
internal sealed class ConditionSyntax
{
    private readonly List<Token> _tokens;
    private int _at;

    private ConditionSyntax(List<Token> tokens) => _tokens = tokens;

    private enum Kind
    {
        Word,
        String,
        Regex,
        Integer,
        Operator,
        Expansion,
        End,
    }

    /// <summary>Parses an expression; <see langword="null"/> when it is not in the documented language.</summary>
    public static ConditionNode? Parse(string text)
    {
        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return null;
        }

        var parser = new ConditionSyntax(tokens);
        var node = parser.Or();
        return node is not null && parser.Peek.Kind == Kind.End ? node : null;
    }

    /// <summary>
    /// The expression in canonical spelling: single spaces, double-quoted strings, parentheses only where
    /// precedence needs them; the text itself, with white space collapsed, when it does not parse.
    /// </summary>
    public static string Canonical(string text) =>
        Parse(text) is { } node ? Write(node) : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Writes a node in canonical spelling.</summary>
    public static string Write(ConditionNode node) => Write(node, 0);

    private static string Write(ConditionNode node, int context)
    {
        switch (node)
        {
            case OrNode or:
                return Wrap(Write(or.Left, 1) + " || " + Write(or.Right, 1), context > 1);
            case AndNode and:
                return Wrap(Write(and.Left, 2) + " && " + Write(and.Right, 2), context > 2);
            case NotNode not:
                return "!" + Write(not.Operand, 4);
            case CompareNode compare:
                return Wrap(Write(compare.Left, 4) + " " + compare.Operator + " " + Write(compare.Right, 4), context > 3);
            case MatchNode match:
                return Wrap(Write(match.Value, 4) + " " + match.Operator + " /" + match.Pattern + "/" + match.Flags, context > 3);
            case VariableNode variable:
                return variable.Name;
            case CallNode call:
                return call.Name + "(" + string.Join(", ", call.Arguments.Select(a => Write(a, 0))) + ")";
            case StringNode text:
                return "\"" + text.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            case IntegerNode integer:
                return integer.Value.ToString(CultureInfo.InvariantCulture);
            case KeywordNode keyword:
                return keyword.Word;
            case ExpansionNode expansion:
                return expansion.Text;
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    private static string Wrap(string text, bool parenthesise) => parenthesise ? "(" + text + ")" : text;

    private Token Peek => _tokens[_at];

    private ConditionNode? Or()
    {
        var left = And();
        while (left is not null && Accept("||"))
        {
            var right = And();
            left = right is null ? null : new OrNode(left, right);
        }

        return left;
    }

    private ConditionNode? And()
    {
        var left = Comparison();
        while (left is not null && Accept("&&"))
        {
            var right = Comparison();
            left = right is null ? null : new AndNode(left, right);
        }

        return left;
    }

    private ConditionNode? Comparison()
    {
        var left = Unary();
        if (left is null)
        {
            return null;
        }

        var token = Peek;
        if (token.Kind == Kind.Operator && token.Text is "==" or "!=")
        {
            _at++;
            var right = Unary();
            return right is null || left is NotNode || right is NotNode ? null : new CompareNode(token.Text, left, right);
        }

        if (token.Kind == Kind.Word && token.Text == "includes")
        {
            _at++;
            var right = Unary();
            return right is null || left is NotNode || right is NotNode ? null : new CompareNode("includes", left, right);
        }

        if (token.Kind == Kind.Operator && token.Text is "=~" or "!~")
        {
            _at++;
            var regex = Peek;
            if (regex.Kind != Kind.Regex || left is NotNode)
            {
                return null;
            }

            _at++;
            var slash = regex.Text.LastIndexOf('/');
            return new MatchNode(token.Text, left, regex.Text[1..slash], regex.Text[(slash + 1)..]);
        }

        return left;
    }

    private ConditionNode? Unary()
    {
        if (Accept("!"))
        {
            var operand = Unary();
            return operand is null ? null : new NotNode(operand);
        }

        return Primary();
    }

    private ConditionNode? Primary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case Kind.Operator when token.Text == "(":
                _at++;
                var inner = Or();
                return inner is not null && Accept(")") ? inner : null;
            case Kind.String:
                _at++;
                return new StringNode(token.Text);
            case Kind.Integer:
                _at++;
                return long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? new IntegerNode(number) : null;
            case Kind.Expansion:
                _at++;
                return new ExpansionNode(token.Text);
            case Kind.Word when token.Text is "true" or "false" or "null":
                _at++;
                return new KeywordNode(token.Text);
            case Kind.Word when token.Text != "includes":
                _at++;
                if (!Accept("("))
                {
                    return new VariableNode(token.Text);
                }

                var arguments = new List<ConditionNode>();
                if (!Accept(")"))
                {
                    do
                    {
                        if (Or() is not { } argument)
                        {
                            return null;
                        }

                        arguments.Add(argument);
                    }
                    while (Accept(","));

                    if (!Accept(")"))
                    {
                        return null;
                    }
                }

                return new CallNode(token.Text, arguments);
            default:
                return null;
        }
    }

    private bool Accept(string text)
    {
        if (Peek.Kind == Kind.Operator && Peek.Text == text)
        {
            _at++;
            return true;
        }

        return false;
    }

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                var newline = text.IndexOf('\n', i);
                i = newline < 0 ? text.Length : newline + 1;
                continue;
            }

            if (c == '\uFDD0')
            {
                var close = text.IndexOf('\uFDD1', i + 1);
                if (close < 0)
                {
                    return null;
                }

                tokens.Add(new Token(Kind.Expansion, text[i..(close + 1)]));
                i = close + 1;
                continue;
            }

            if (c is '"' or '\'')
            {
                var value = new StringBuilder();
                var j = i + 1;
                var closed = false;
                while (j < text.Length)
                {
                    if (text[j] == '\\' && j + 1 < text.Length)
                    {
                        value.Append(text[j + 1]);
                        j += 2;
                        continue;
                    }

                    if (text[j] == c)
                    {
                        closed = true;
                        break;
                    }

                    value.Append(text[j]);
                    j++;
                }

                if (!closed)
                {
                    return null;
                }

                tokens.Add(new Token(Kind.String, value.ToString()));
                i = j + 1;
                continue;
            }

            if (c == '/' && tokens.Count > 0 && tokens[^1] is { Kind: Kind.Operator, Text: "=~" or "!~" })
            {
                var j = i + 1;
                while (j < text.Length && text[j] != '/' && text[j] != '\n')
                {
                    j += text[j] == '\\' && j + 1 < text.Length ? 2 : 1;
                }

                if (j >= text.Length || text[j] != '/')
                {
                    return null;
                }

                j++;
                while (j < text.Length && char.IsAsciiLetter(text[j]))
                {
                    j++;
                }

                tokens.Add(new Token(Kind.Regex, text[i..j]));
                i = j;
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var j = i;
                while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '_' or '.'))
                {
                    j++;
                }

                tokens.Add(new Token(Kind.Word, text[i..j]));
                i = j;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var j = i + 1;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                tokens.Add(new Token(Kind.Integer, text[i..j]));
                i = j;
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
            if (two is "==" or "!=" or "=~" or "!~" or "&&" or "||")
            {
                tokens.Add(new Token(Kind.Operator, two));
                i += 2;
                continue;
            }

            if (c is '!' or '(' or ')' or ',')
            {
                tokens.Add(new Token(Kind.Operator, c.ToString()));
                i++;
                continue;
            }

            return null;
        }

        tokens.Add(new Token(Kind.End, string.Empty));
        return tokens;
    }

    private readonly record struct Token(Kind Kind, string Text);
}
