using System.Reflection;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public sealed class ModuleVersionIdTests
{
    public static TheoryData<string> Assemblies() =>
    [
        typeof(Pipeline).Assembly.Location,
        typeof(ModuleVersionIdTests).Assembly.Location,
        typeof(object).Assembly.Location,
        typeof(Enumerable).Assembly.Location,
        typeof(FluentAssertions.AssertionExtensions).Assembly.Location,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void The_MVID_read_from_the_file_is_the_one_the_runtime_reports(string path)
    {
        // Given
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Single(a => !a.IsDynamic && a.Location == path);

        // When
        var found = ModuleVersionId.TryRead(path, out var mvid);

        // Then
        found.Should().BeTrue();
        mvid.Should().Be(loaded.ManifestModule.ModuleVersionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MZ")]
    [InlineData("not an assembly at all, but long enough to have a header of sixty-four bytes or so ........")]
    public void A_file_that_is_not_an_assembly_has_no_MVID(string content)
    {
        // Given
        using var folder = new ScriptFolder();
        var path = folder.Write("fake.dll", content);

        // When
        var found = ModuleVersionId.TryRead(path, out _);

        // Then
        found.Should().BeFalse();
    }

    [Fact]
    public void The_key_changes_when_a_referenced_assembly_is_replaced_by_another_build()
    {
        // Given: two real assemblies, copied in turn to the same path
        using var folder = new ScriptFolder();
        var script = folder.Write("main.csx", "Console.Write(1);\n");
        var reference = Path.Combine(folder.Path, "Reference.dll");
        var runner = new RunnerIdentity("runner-1", "dsl-1", "10.0.0", "/dotnet");
        File.Copy(typeof(Pipeline).Assembly.Location, reference);
        var before = ScriptCacheKey.Create(ScriptDirectives.Read(script), [reference], runner);

        // When
        File.Copy(typeof(ModuleVersionIdTests).Assembly.Location, reference, overwrite: true);
        var after = ScriptCacheKey.Create(ScriptDirectives.Read(script), [reference], runner);

        // Then
        before.Should().NotBeNull();
        after.Should().NotBeNull().And.NotBe(before);
    }
}
