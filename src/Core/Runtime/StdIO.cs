using System.Text;

namespace PyCApi.Runtime;

/// <summary>sys.stdout / sys.stderr as the runtime writes them: through the C part's stdio.</summary>
internal static unsafe class StdIO
{
    internal static void WriteStderr(string text) => Write(1, text);

    internal static void WriteStdout(string text) => Write(0, text);

    private static void Write(int toStderr, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* p = bytes)
        {
            CPart.pycapi_write_stdio(toStderr, p, (nuint)bytes.Length);
        }
    }

    internal static void Flush() => CPart.pycapi_flush_stdio();
}
