namespace InstructorBot.Store;

/// <summary>The store cannot serve (file locked by another process, unreadable file); the message is Chinese.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
