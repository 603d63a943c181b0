namespace Koppel.Domain.Sync;

public enum RunMode
{
    /// <summary>From the stored cursor onwards.</summary>
    Incremental = 1,
    /// <summary>Cursor reset: re-reads everything, still writes only what changed.</summary>
    Full = 2,
    /// <summary>One record by source id, always written.</summary>
    SingleRecord = 3,
    /// <summary>Chosen records by source id, each read again and written: the inbox's bulk retry.</summary>
    Records = 4,
}

public static class RunModes
{
    /// <summary>
    /// A run for named records only: it says nothing about the flow's health (a resync of one record that works hides
    /// nothing about the others) and does not count as the flow having run through.
    /// </summary>
    public static bool IsForRecords(this RunMode mode) => mode is RunMode.SingleRecord or RunMode.Records;
}

public enum RunStatus
{
    Running = 1,
    Succeeded = 2,
    /// <summary>The run finished but some records failed.</summary>
    CompletedWithErrors = 3,
    /// <summary>The run itself stopped (source unreachable, credentials refused...).</summary>
    Failed = 4,
    /// <summary>
    /// A scheduled full read that was not started because it would have spent a system's daily budget; its error says
    /// which. It reads and writes nothing and runs again at its next schedule: no failure, no success.
    /// </summary>
    Deferred = 5,
}

public enum RunTrigger
{
    Schedule = 1,
    Manual = 2,
    Api = 3,
    Webhook = 4,
}
