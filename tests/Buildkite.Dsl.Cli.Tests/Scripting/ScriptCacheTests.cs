using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

public sealed class ScriptCacheTests : IDisposable
{
    private static readonly RunnerIdentity Runner = new("runner-1", "dsl-1", "10.0.0", "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0");

    private readonly ScriptFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ScriptCache Cache => new(Path.Combine(_folder.Path, "cache"));

    private static CompiledScript Script(byte seed) => new([seed, 1, 2, 3, seed], "Submission#0", "<Factory>", 0x06000001 + seed);

    private (ScriptDirectiveSet Directives, string Script) Directives(string text = "Console.Write(1);\n", string? loaded = null)
    {
        var script = _folder.Write("main.csx", loaded is null ? text : "#load \"lib.csx\"\n" + text);
        if (loaded is not null)
        {
            _folder.Write("lib.csx", loaded);
        }

        return (ScriptDirectives.Read(script), script);
    }

    [Fact]
    public void The_key_is_the_same_for_the_same_inputs()
    {
        // Given
        var (directives, _) = Directives();

        // When
        var first = ScriptCacheKey.Create(directives, [], Runner);
        var second = ScriptCacheKey.Create(ScriptDirectives.Read(directives.Files[0]), [], Runner);

        // Then
        first.Should().NotBeNull().And.Be(second).And.MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public void The_key_changes_with_the_script()
    {
        // Given
        var (before, _) = Directives("Console.Write(1);\n");
        var (after, _) = Directives("Console.Write(2);\n");

        // Then
        ScriptCacheKey.Create(after, [], Runner).Should().NotBe(ScriptCacheKey.Create(before, [], Runner));
    }

    [Fact]
    public void The_key_changes_with_a_loaded_file()
    {
        // Given
        var (before, _) = Directives(loaded: "static int N() => 1;\n");
        var (after, _) = Directives(loaded: "static int N() => 2;\n");

        // Then
        after.Files.Should().HaveCount(2);
        ScriptCacheKey.Create(after, [], Runner).Should().NotBe(ScriptCacheKey.Create(before, [], Runner));
    }

    [Fact]
    public void The_key_changes_with_the_scripts_path()
    {
        // Given: the image names the script's path, for error lines.
        var (here, _) = Directives();
        var elsewhere = _folder.Write("other/main.csx", File.ReadAllText(here.Files[0]));

        // Then
        ScriptCacheKey.Create(ScriptDirectives.Read(elsewhere), [], Runner).Should().NotBe(ScriptCacheKey.Create(here, [], Runner));
    }

    [Fact]
    public void The_key_changes_with_the_content_of_a_referenced_assembly()
    {
        // Given
        var (directives, _) = Directives();
        var reference = _folder.Write("lib/Reference.dll", "version 1");
        var before = ScriptCacheKey.Create(directives, [reference], Runner);

        // When
        File.WriteAllText(reference, "version 2");

        // Then
        ScriptCacheKey.Create(directives, [reference], Runner).Should().NotBe(before);
    }

    [Fact]
    public void The_key_changes_with_a_package_directive()
    {
        // Given
        var (one, _) = Directives("#r \"nuget: Some.Package, 1.0.0\"\nConsole.Write(1);\n");
        var (two, _) = Directives("#r \"nuget: Some.Package, 1.0.1\"\nConsole.Write(1);\n");

        // Then
        ScriptCacheKey.Create(two, [], Runner).Should().NotBe(ScriptCacheKey.Create(one, [], Runner));
    }

    [Theory]
    [InlineData("runner")]
    [InlineData("dsl")]
    [InlineData("runtime")]
    [InlineData("framework")]
    public void The_key_changes_with_the_runner_and_the_runtime(string changed)
    {
        // Given
        var (directives, _) = Directives();
        var other = changed switch
        {
            "runner" => Runner with { Runner = "runner-2" },
            "dsl" => Runner with { Dsl = "dsl-2" },
            "runtime" => Runner with { Runtime = "10.0.1" },
            _ => Runner with { Framework = "/opt/dotnet/shared/Microsoft.NETCore.App/10.0.0" },
        };

        // Then
        ScriptCacheKey.Create(directives, [], other).Should().NotBe(ScriptCacheKey.Create(directives, [], Runner));
    }

    [Fact]
    public void A_reference_that_cannot_be_read_gives_no_key()
    {
        // Given
        var (directives, _) = Directives();

        // When
        var key = ScriptCacheKey.Create(directives, [Path.Combine(_folder.Path, "missing.dll")], Runner);

        // Then
        key.Should().BeNull();
    }

    [Fact]
    public void A_written_entry_is_read_back()
    {
        // Given
        var cache = Cache;
        cache.Write("k1", "/scripts/main.csx", Script(7));

        // When
        var lookup = cache.TryRead("k1", out var script);

        // Then
        lookup.Should().Be(CacheLookup.Hit);
        script!.Image.Should().Equal(7, 1, 2, 3, 7);
        script.EntryTypeName.Should().Be("Submission#0");
        script.EntryMethodName.Should().Be("<Factory>");
    }

    [Fact]
    public void A_missing_entry_is_a_miss()
    {
        // When
        var lookup = Cache.TryRead("nothing", out var script);

        // Then
        lookup.Should().Be(CacheLookup.Miss);
        script.Should().BeNull();
    }

    [Fact]
    public void A_truncated_entry_is_damaged()
    {
        // Given
        var cache = Cache;
        cache.Write("k1", "/scripts/main.csx", Script(7));
        var bytes = File.ReadAllBytes(cache.PathOf("k1"));
        File.WriteAllBytes(cache.PathOf("k1"), bytes[..^3]);

        // When
        var lookup = cache.TryRead("k1", out var script);

        // Then
        lookup.Should().Be(CacheLookup.Damaged);
        script.Should().BeNull();
    }

    [Fact]
    public void An_altered_entry_is_damaged()
    {
        // Given
        var cache = Cache;
        cache.Write("k1", "/scripts/main.csx", Script(7));
        var bytes = File.ReadAllBytes(cache.PathOf("k1"));
        bytes[^2] ^= 0xFF;
        File.WriteAllBytes(cache.PathOf("k1"), bytes);

        // When
        var lookup = cache.TryRead("k1", out _);

        // Then
        lookup.Should().Be(CacheLookup.Damaged);
    }

    [Fact]
    public void An_entry_under_another_keys_name_is_damaged()
    {
        // Given: a whole entry copied to the file of another key.
        var cache = Cache;
        cache.Write("k1", "/scripts/main.csx", Script(7));
        File.Copy(cache.PathOf("k1"), cache.PathOf("k2"));

        // When
        var lookup = cache.TryRead("k2", out _);

        // Then
        lookup.Should().Be(CacheLookup.Damaged);
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_only_ever_see_whole_entries()
    {
        // Given: a larger image, so that a torn write would show.
        var cache = Cache;
        var images = Enumerable.Range(0, 4).Select(i => new CompiledScript(Enumerable.Repeat((byte)i, 200_000).ToArray(), "Submission#0", "<Factory>", 0x06000002)).ToArray();

        // When
        var writers = images.Select(image => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                cache.Write("shared", "/scripts/main.csx", image);
            }
        }));
        var seen = new System.Collections.Concurrent.ConcurrentBag<CacheLookup>();
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var lookup = cache.TryRead("shared", out var script);
                seen.Add(lookup);
                if (lookup == CacheLookup.Hit)
                {
                    script!.Image.Distinct().Should().ContainSingle("an entry is one writer's image, whole");
                }
            }
        });
        await Task.WhenAll([.. writers, reader]);

        // Then
        seen.Should().NotContain(CacheLookup.Damaged);
        cache.TryRead("shared", out _).Should().Be(CacheLookup.Hit);
        Directory.GetFiles(cache.Folder).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Clear_removes_every_entry()
    {
        // Given
        var cache = Cache;
        cache.Write("k1", "/a.csx", Script(1));
        cache.Write("k2", "/b.csx", Script(2));

        // When
        var removed = cache.Clear();

        // Then
        removed.Should().Be(2);
        cache.Measure().Should().Be((0, 0L));
    }

    [Fact]
    public void Measure_counts_entries_and_bytes()
    {
        // Given
        var cache = Cache;
        cache.Write("k1", "/a.csx", Script(1));

        // When
        var (entries, bytes) = cache.Measure();

        // Then
        entries.Should().Be(1);
        bytes.Should().Be(new FileInfo(cache.PathOf("k1")).Length);
    }

    [Fact]
    public void Entries_not_written_for_a_long_time_are_pruned()
    {
        // Given
        var cache = Cache;
        cache.Write("old", "/a.csx", Script(1));
        cache.Write("new", "/b.csx", Script(2));
        File.SetLastWriteTimeUtc(cache.PathOf("old"), DateTime.UtcNow - ScriptCache.MaxAge - TimeSpan.FromDays(1));

        // When
        cache.Prune(DateTime.UtcNow);

        // Then
        File.Exists(cache.PathOf("old")).Should().BeFalse();
        File.Exists(cache.PathOf("new")).Should().BeTrue();
    }
}
