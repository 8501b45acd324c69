namespace PyCApi.Runtime;

/// <summary>How many times C has called into managed code: every generated stub counts
/// itself. Only managed code changes what managed objects reach, so a collection with no
/// call since the last one has nothing new for the .NET GC to decide (ObjectSpace.Collect).
/// No static constructor: the stubs' increment stays one instruction.</summary>
internal static class ManagedActivity
{
    internal static long Calls;
}
