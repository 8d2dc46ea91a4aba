namespace Boundaries.Geo.Formats;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one: the content goes to a
/// temporary file in the target's directory (same file system, so the final move is a rename), which is moved
/// over the target only after the writer returned; on any failure the temporary file is deleted and an
/// existing target is left untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="writeTo"/> on a fresh temporary path, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no directory", nameof(path));
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTo(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            TryDelete(temp + "-journal");
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM, whole or not at all.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, temp => File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false)));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // the original exception matters more than a temp file we could not remove
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
