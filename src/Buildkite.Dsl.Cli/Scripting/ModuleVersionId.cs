using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Reads the module version id (MVID) of a .NET assembly file from its PE headers and metadata tables, without
/// loading the assembly or reading the whole file: a few small reads, whatever the file's size.
/// </summary>
/// <remarks>
/// The compiler gives every build of an assembly whose content differs a new MVID (a deterministic build derives it
/// from the content), so the MVID identifies a referenced assembly's version for the cache of compiled scripts at
/// the cost of reading about a kilobyte, where hashing the file would read all of it (ECMA-335 II.24–25 describe
/// the layout read here).
/// </remarks>
internal static class ModuleVersionId
{
    private const int HeaderBytes = 4096;

    /// <summary>Reads the MVID; <see langword="false"/> when the file is not a .NET assembly this reader understands.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static bool TryRead(string path, out Guid mvid)
    {
        mvid = Guid.Empty;
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        Span<byte> headers = stackalloc byte[HeaderBytes];
        headers = headers[..Read(file, headers, 0)];
        if (headers.Length < 0x40 || headers[0] != 'M' || headers[1] != 'Z')
        {
            return false;
        }

        // PE signature, COFF header, optional header with the data directories, section table.
        var pe = BinaryPrimitives.ReadInt32LittleEndian(headers[0x3C..]);
        if (pe < 0 || pe + 24 > headers.Length || BinaryPrimitives.ReadUInt32LittleEndian(headers[pe..]) != 0x00004550)
        {
            return false;
        }

        var sections = BinaryPrimitives.ReadUInt16LittleEndian(headers[(pe + 6)..]);
        var optionalSize = BinaryPrimitives.ReadUInt16LittleEndian(headers[(pe + 20)..]);
        var optional = pe + 24;
        if (optional + 2 > headers.Length)
        {
            return false;
        }

        var directories = BinaryPrimitives.ReadUInt16LittleEndian(headers[optional..]) switch
        {
            0x10B => optional + 96,
            0x20B => optional + 112,
            _ => -1,
        };
        var cliDirectory = directories + (14 * 8);
        var sectionTable = optional + optionalSize;
        if (directories < 0 || cliDirectory + 8 > sectionTable || sectionTable + (sections * 40) > headers.Length)
        {
            return false;
        }

        var sectionHeaders = headers.Slice(sectionTable, sections * 40);
        if (Offset(sectionHeaders, BinaryPrimitives.ReadUInt32LittleEndian(headers[cliDirectory..])) is not { } cliHeader)
        {
            return false;
        }

        // CLI header: the metadata's address.
        Span<byte> buffer = stackalloc byte[512];
        if (Read(file, buffer[..16], cliHeader) < 16
            || Offset(sectionHeaders, BinaryPrimitives.ReadUInt32LittleEndian(buffer[8..])) is not { } metadata)
        {
            return false;
        }

        // Metadata root: signature, version string, stream headers (offset, size, name).
        var root = buffer[..Read(file, buffer, metadata)];
        if (root.Length < 20 || BinaryPrimitives.ReadUInt32LittleEndian(root) != 0x424A5342)
        {
            return false;
        }

        var position = 16 + BinaryPrimitives.ReadInt32LittleEndian(root[12..]);
        if (position < 16 || position + 4 > root.Length)
        {
            return false;
        }

        var streams = BinaryPrimitives.ReadUInt16LittleEndian(root[(position + 2)..]);
        position += 4;
        long tables = -1;
        long guids = -1;
        for (var i = 0; i < streams; i++)
        {
            if (position + 8 > root.Length)
            {
                return false;
            }

            var offset = BinaryPrimitives.ReadUInt32LittleEndian(root[position..]);
            var nameStart = position + 8;
            var nameEnd = root[nameStart..].IndexOf((byte)0);
            if (nameEnd < 0)
            {
                return false;
            }

            var name = root.Slice(nameStart, nameEnd);
            if (name.SequenceEqual("#~"u8))
            {
                tables = metadata + offset;
            }
            else if (name.SequenceEqual("#GUID"u8))
            {
                guids = metadata + offset;
            }

            position = nameStart + ((nameEnd + 4) & ~3);
        }

        // The compressed tables stream: heap index sizes, which tables are present, their row counts, then the
        // Module table's single row: Generation, Name (a string index), Mvid (a GUID index).
        if (tables < 0 || guids < 0)
        {
            return false;
        }

        var stream = buffer[..Read(file, buffer, tables)];
        if (stream.Length < 24)
        {
            return false;
        }

        var heapSizes = stream[6];
        var valid = BinaryPrimitives.ReadUInt64LittleEndian(stream[8..]);
        if ((valid & 1) == 0)
        {
            return false;
        }

        var row = 24 + (4 * System.Numerics.BitOperations.PopCount(valid)) + 2 + ((heapSizes & 1) != 0 ? 4 : 2);
        var wideGuids = (heapSizes & 2) != 0;
        if (row + (wideGuids ? 4 : 2) > stream.Length)
        {
            return false;
        }

        var index = wideGuids ? BinaryPrimitives.ReadUInt32LittleEndian(stream[row..]) : BinaryPrimitives.ReadUInt16LittleEndian(stream[row..]);
        var at = guids + ((index - 1) * 16L);
        if (index == 0 || at + 16 > length)
        {
            return false;
        }

        Span<byte> guid = stackalloc byte[16];
        if (Read(file, guid, at) < 16)
        {
            return false;
        }

        mvid = new Guid(guid);
        return true;
    }

    /// <summary>Where a relative virtual address stands in the file, from the section table.</summary>
    private static long? Offset(ReadOnlySpan<byte> sections, uint rva)
    {
        for (var s = 0; s + 40 <= sections.Length; s += 40)
        {
            var address = BinaryPrimitives.ReadUInt32LittleEndian(sections[(s + 12)..]);
            var size = Math.Max(BinaryPrimitives.ReadUInt32LittleEndian(sections[(s + 8)..]), BinaryPrimitives.ReadUInt32LittleEndian(sections[(s + 16)..]));
            if (rva >= address && rva < (long)address + size)
            {
                return BinaryPrimitives.ReadUInt32LittleEndian(sections[(s + 20)..]) + (long)(rva - address);
            }
        }

        return null;
    }

    private static int Read(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(file, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
