using System.Reflection;
using System.Runtime.InteropServices;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// Loads libgdal once per process and prepares it: registers every driver, routes GDAL's error messages away from
/// the console (they are read back with CPLGetLastErrorMsg and put into our exceptions), and sets the reading options
/// the bridge relies on. The library is <c>libgdal.so.32</c> (Debian bookworm, GDAL 3.6) unless the environment
/// variable <c>BOUNDARIES_GDAL_LIBRARY</c> names another file or name.
/// </summary>
internal static class GdalLibrary
{
    /// <summary>The environment variable that overrides the library name or path.</summary>
    public const string LibraryVariable = "BOUNDARIES_GDAL_LIBRARY";

    /// <summary>The default library: Debian's libgdal32.</summary>
    public const string DefaultLibrary = "libgdal.so.32";

    private static readonly Lock Gate = new();
    private static nint handle;
    private static string? loadedName;
    private static Exception? failure;

    /// <summary>The library name in use: the variable's value, else <see cref="DefaultLibrary"/>.</summary>
    public static string LibraryName =>
        Environment.GetEnvironmentVariable(LibraryVariable) is { Length: > 0 } name ? name : DefaultLibrary;

    /// <summary>
    /// Makes sure GDAL is loaded and initialised; throws <see cref="GdalUnavailableException"/> (naming
    /// <paramref name="path"/>, the file that needed GDAL) when it cannot be loaded.
    /// </summary>
    public static void EnsureLoaded(string? path)
    {
        lock (Gate)
        {
            if (handle != 0)
            {
                return;
            }
            var name = LibraryName;
            if (failure is not null && loadedName == name)
            {
                throw new GdalUnavailableException(name, path, failure);
            }
            loadedName = name;
            if (!TryLoad(name, out var loaded, out var error))
            {
                failure = error;
                throw new GdalUnavailableException(name, path, error);
            }
            NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);
            handle = loaded;
            failure = null;
            Initialise();
        }
    }

    /// <summary>Whether GDAL can be loaded; never throws.</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                EnsureLoaded(null);
                return true;
            }
            catch (GdalUnavailableException)
            {
                return false;
            }
        }
    }

    /// <summary>Tries to load <paramref name="name"/> as a GDAL library (it must export GDALOpenEx).</summary>
    internal static bool TryLoad(string name, out nint library, out Exception? error)
    {
        error = null;
        try
        {
            library = NativeLibrary.Load(name);
        }
        catch (DllNotFoundException e)
        {
            library = 0;
            error = e;
            return false;
        }
        catch (BadImageFormatException e)
        {
            library = 0;
            error = e;
            return false;
        }
        if (!NativeLibrary.TryGetExport(library, "GDALOpenEx", out _))
        {
            NativeLibrary.Free(library);
            library = 0;
            error = new DllNotFoundException($"'{name}' loaded but has no GDALOpenEx: it is not libgdal");
            return false;
        }
        return true;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == GdalNative.Library ? handle : 0;

    private static void Initialise()
    {
        GdalNative.GDALAllRegister();
        // GDAL prints errors to stderr by default; library code never writes to the console.
        GdalNative.CPLSetErrorHandler(NativeLibrary.GetExport(handle, "CPLQuietErrorHandler"));
    }

    /// <summary>GDAL's last error message on this thread, or <paramref name="fallback"/> when it set none.</summary>
    public static string LastError(string fallback) =>
        GdalNative.Text(GdalNative.CPLGetLastErrorMsg()) is { Length: > 0 } message ? message.Trim() : fallback;

    /// <summary>The GDAL release, e.g. <c>3.6.2</c>.</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded(null);
            return GdalNative.Text(GdalNative.GDALVersionInfo("RELEASE_NAME")) ?? "";
        }
    }
}
