namespace InstructorBot.Knowledge.Search;

/// <summary>What adding a file did.</summary>
public enum IndexOutcome
{
    /// <summary>New to the index.</summary>
    Added,

    /// <summary>The path was indexed with other content; its passages were replaced.</summary>
    Replaced,

    /// <summary>Same path, same content: nothing to do.</summary>
    Unchanged,

    /// <summary>The same content is indexed under another path: not indexed twice.</summary>
    Duplicate,

    /// <summary>Not a .txt, .md, .docx or .pdf file, or no text in it.</summary>
    Unsupported,

    /// <summary>The file could not be read (a broken .docx or .pdf).</summary>
    Unreadable,
}
