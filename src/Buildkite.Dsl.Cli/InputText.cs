using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Buildkite.Dsl.Cli;

/// <summary>A text file read by <see cref="InputText.Read"/>: its text, or why it cannot be used.</summary>
/// <param name="Text">The text, without a byte order mark; <see langword="null"/> when <paramref name="Error"/> is set.</param>
/// <param name="Error">The complete error line (<c>error: …</c>), or <see langword="null"/>.</param>
internal sealed record InputTextResult(string? Text, string? Error)
{
    /// <summary>The file's bytes as read, so that a caller that needs them too does not read the file again.</summary>
    public byte[]? Bytes { get; init; }
}

/// <summary>
/// Reads the text files the commands take (scripts, pipelines): UTF-8, with or without a byte order mark, or
/// UTF-16 with one. Anything else is an error that says what is wrong and where, never a replacement
/// character or an exception: a file that is missing or cannot be read, larger than <see cref="MaxBytes"/>,
/// with bytes that are not UTF-8 (the byte offset and line are named), or with a NUL character (a binary file).
/// </summary>
internal static class InputText
{
    /// <summary>The largest file read: 16 MiB, the library's limit for a pipeline text as well.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly Encoding Utf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The path as the user gave it; errors name it this way.</param>
    /// <param name="what">What the file is, for messages: "the script", "the pipeline".</param>
    public static InputTextResult Read(string path, string what)
    {
        byte[] bytes;
        try
        {
            // A handle and positional reads, as File.ReadAllBytes reads: the first FileStream of a process costs a
            // pipeline script's start-up more, for buffering it does not need.
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                return Failed($"{what} '{path}' is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; files larger than {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes are not read.");
            }

            bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var count and > 0)
            {
                read += count;
            }

            if (read < bytes.Length)
            {
                bytes = bytes[..read]; // the file shrank while being read
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Failed($"cannot read {what} '{path}': {e.Message}");
        }

        return Decode(bytes, path, what) with { Bytes = bytes };
    }

    /// <summary>Decodes the bytes of a file; see <see cref="InputText"/>.</summary>
    internal static InputTextResult Decode(ReadOnlySpan<byte> bytes, string path, string what)
    {
        string text;
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            var encoding = bytes[0] == 0xFF ? Utf16LittleEndian : Utf16BigEndian;
            try
            {
                text = encoding.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                return Failed($"{what} '{path}' starts with a UTF-16 byte order mark but is not valid UTF-16 text.");
            }
        }
        else
        {
            var bom = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
            bytes = bytes[bom..];

            var chars = new char[bytes.Length];
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                return Failed(
                    $"{what} '{path}' is not UTF-8 text: the byte 0x{bytes[read]:X2} at offset {(bom + read).ToString(CultureInfo.InvariantCulture)} " +
                    $"(line {LineAt(bytes, read).ToString(CultureInfo.InvariantCulture)}) does not start a valid UTF-8 sequence. Save the file as UTF-8.");
            }

            text = new string(chars, 0, written);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            return Failed($"{what} '{path}' looks like a binary file, not text: it has a NUL character on line {line.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new InputTextResult(text, null);
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    private static InputTextResult Failed(string message) => new(null, "error: " + message);
}
