using System.Text;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>What looking up a compiled script found.</summary>
internal enum CacheLookup
{
    /// <summary>No entry for the key.</summary>
    Miss,

    /// <summary>A whole entry for the key.</summary>
    Hit,

    /// <summary>An entry that is truncated, altered or not for this key; it must be compiled and written again.</summary>
    Damaged,
}

/// <summary>
/// Compiled scripts on disk, one file per <see cref="ScriptCacheKey"/>, so that a run of an unchanged script
/// loads its image instead of starting the compiler.
/// </summary>
/// <remarks>
/// <para>
/// Safe when several runs (agents on one machine) share the folder: an entry is written to a temporary file
/// of its own and renamed over the entry's name, which is atomic, so a reader sees the old file, the new one or
/// none, never a part. Two runs compiling the same script write the same bytes; the last rename wins.
/// </para>
/// <para>
/// An entry starts with a magic number and the hash of the rest (<see cref="ContentHash"/>); a truncated or
/// altered entry fails the check, is reported as <see cref="CacheLookup.Damaged"/> and is compiled again.
/// </para>
/// <para>
/// Entries are never changed in place. Writing an entry also removes entries not written for
/// <see cref="MaxAge"/> (a script that changes leaves its old entries behind) and temporary files that
/// writers which died left behind.
/// </para>
/// </remarks>
internal sealed class ScriptCache(string folder)
{
    /// <summary>The extension of entries.</summary>
    public const string EntryExtension = ".script";

    private const string TemporaryExtension = ".tmp";

    private static readonly byte[] Magic = "BKDSCR\r\n"u8.ToArray();

    /// <summary>How long an entry that nobody writes again is kept.</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromDays(30);

    /// <summary>The folder of the entries (it may not exist yet).</summary>
    public string Folder { get; } = folder;

    /// <summary>The cache of the current user (<see cref="CacheLocation"/>).</summary>
    public static ScriptCache ForCurrentUser() => new(Path.Combine(CacheLocation.Root(), CacheLocation.ScriptsFolder));

    /// <summary>The file of a key's entry.</summary>
    public string PathOf(string key) => Path.Combine(Folder, key + EntryExtension);

    /// <summary>Looks a compiled script up; I/O problems are a miss.</summary>
    public CacheLookup TryRead(string key, out CompiledScript? script)
    {
        script = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(PathOf(key));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CacheLookup.Miss;
        }

        script = Decode(key, bytes);
        return script is null ? CacheLookup.Damaged : CacheLookup.Hit;
    }

    /// <summary>Stores a compiled script under its key, atomically.</summary>
    /// <exception cref="IOException">The folder or the file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void Write(string key, string scriptPath, CompiledScript script)
    {
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $"{key}.{Guid.NewGuid():N}{TemporaryExtension}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                stream.Write(Encode(key, scriptPath, script));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, PathOf(key), overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        Prune(DateTime.UtcNow);
    }

    /// <summary>The number of entries and their size in bytes.</summary>
    public (int Entries, long Bytes) Measure()
    {
        if (!Directory.Exists(Folder))
        {
            return (0, 0);
        }

        var entries = new DirectoryInfo(Folder).GetFiles("*" + EntryExtension);
        return (entries.Length, entries.Sum(f => f.Length));
    }

    /// <summary>Removes every entry and temporary file; returns how many entries were removed.</summary>
    /// <exception cref="IOException">A file cannot be removed.</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be removed.</exception>
    public int Clear()
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            var isEntry = file.EndsWith(EntryExtension, StringComparison.Ordinal);
            if (isEntry || file.EndsWith(TemporaryExtension, StringComparison.Ordinal))
            {
                File.Delete(file);
                removed += isEntry ? 1 : 0;
            }
        }

        return removed;
    }

    /// <summary>Removes entries not written for <see cref="MaxAge"/> and temporary files older than an hour; never fails.</summary>
    internal void Prune(DateTime now)
    {
        try
        {
            foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
            {
                var limit = file.Extension switch
                {
                    EntryExtension => MaxAge,
                    TemporaryExtension => TimeSpan.FromHours(1),
                    _ => TimeSpan.MaxValue,
                };
                if (limit != TimeSpan.MaxValue && now - file.LastWriteTimeUtc > limit)
                {
                    TryDelete(file.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run is pruning too, or the folder went away: nothing is lost.
        }
    }

    /// <summary>
    /// The bytes of an entry: magic, the 16-byte hash of the payload, the payload's length, then the payload (key,
    /// script path, entry type, entry method, entry method token, image).
    /// </summary>
    internal static byte[] Encode(string key, string scriptPath, CompiledScript script)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(key);
            writer.Write(scriptPath);
            writer.Write(script.EntryTypeName);
            writer.Write(script.EntryMethodName);
            writer.Write(script.EntryMethodToken);
            writer.Write(script.Image.Length);
            writer.Write(script.Image);
        }

        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        var entry = new byte[Magic.Length + 16 + sizeof(int) + body.Length];
        Magic.CopyTo(entry, 0);
        ContentHash.Bytes(body).CopyTo(entry, Magic.Length);
        BitConverter.TryWriteBytes(entry.AsSpan(Magic.Length + 16), body.Length);
        body.CopyTo(entry.AsSpan(Magic.Length + 16 + sizeof(int)));
        return entry;
    }

    /// <summary>Reads an entry's bytes; <see langword="null"/> when they are not a whole entry for <paramref name="key"/>.</summary>
    internal static CompiledScript? Decode(string key, byte[] entry)
    {
        var header = Magic.Length + 16 + sizeof(int);
        if (entry.Length < header || !entry.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var length = BitConverter.ToInt32(entry, Magic.Length + 16);
        if (length != entry.Length - header
            || !ContentHash.Bytes(entry.AsSpan(header)).AsSpan().SequenceEqual(entry.AsSpan(Magic.Length, 16)))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(entry, header, length, writable: false), Encoding.UTF8);
            if (reader.ReadString() != key)
            {
                return null;
            }

            _ = reader.ReadString(); // the script's path, for people looking at the cache
            var type = reader.ReadString();
            var method = reader.ReadString();
            var token = reader.ReadInt32();
            var image = reader.ReadBytes(reader.ReadInt32());
            return reader.BaseStream.Position == length ? new CompiledScript(image, type, method, token) : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune.
        }
    }
}
