using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>gc.collect() as C sees it: the managed GC decides reachability for both worlds.</summary>
internal static class GcApi
{
    [CApi]
    internal static nint PyGC_Collect()
    {
        ObjectSpace.Collect();
        return 0;
    }
}
