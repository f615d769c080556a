using System.Reflection;
using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public class ScriptCompilerBoundaryTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Only_the_script_compiler_touches_roslyn_types()
    {
        // Given: a run that finds its compiled script in a cache must never JIT a method that names a Roslyn type.
        var runner = typeof(ScriptCompiler).Assembly;

        // When
        var offenders = runner.GetTypes()
            .Where(type => !IsInside(type, typeof(ScriptCompiler)))
            .SelectMany(type => RoslynUses(type).Select(use => $"{type.FullName}: {use}"))
            .ToList();

        // Then
        offenders.Should().BeEmpty();
    }

    [Fact]
    public void The_compilers_entry_point_takes_and_returns_only_runner_types()
    {
        // When
        var compile = typeof(ScriptCompiler).GetMethod(nameof(ScriptCompiler.Compile))!;

        // Then
        compile.MethodImplementationFlags.Should().HaveFlag(MethodImplAttributes.NoInlining);
        compile.GetParameters().Select(p => p.ParameterType).Append(compile.ReturnType).Should().NotContain(t => IsRoslyn(t));
    }

    private static bool IsInside(Type type, Type outer)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current == outer)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRoslyn(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(IsRoslyn))
        || (type.HasElementType && IsRoslyn(type.GetElementType()!));

    private static IEnumerable<string> RoslynUses(Type type)
    {
        if (type.BaseType is { } baseType && IsRoslyn(baseType))
        {
            yield return $"derives from {baseType}";
        }

        foreach (var field in type.GetFields(Everything).Where(f => IsRoslyn(f.FieldType)))
        {
            yield return $"field {field.Name}";
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method.GetParameters().Any(p => IsRoslyn(p.ParameterType)) || (method is MethodInfo info && IsRoslyn(info.ReturnType)))
            {
                yield return $"signature of {method.Name}";
            }

            if (method.GetMethodBody()?.LocalVariables.Any(l => IsRoslyn(l.LocalType)) == true)
            {
                yield return $"locals of {method.Name}";
            }
        }
    }
}
