namespace InstructorBot.Bot.Understanding.TakeBack;

/// <summary>
/// Round 24 (r24-undo): the word classes of a message that takes an earlier one back (<see cref="TakeBackFrame"/>). Built from
/// general Chinese and the first runs of rounds 18–21; each class is a grammar slot, not a sentence.
/// </summary>
internal static class TakeBackWords
{
    /// <summary>Openers before the reference: apology, hesitation, giving up, a correction heading (哦/诶/算了/不好意思/更正…).</summary>
    public static readonly KeywordSet Openers = new([
        "哦", "噢", "喔", "诶", "欸", "哎", "哎呀", "哎哟", "唉", "呀", "啊", "呃", "嗯", "额", "那个", "就是", "算了", "不好意思", "不好意思啊",
        "抱歉", "对不起", "sorry", "更正", "更正一下", "纠正", "纠正一下", "更正下", "纠正下", "不对", "不对不对", "错了", "我",
    ]);

    /// <summary>A reference to the sender's last message (上一条/刚才那条/刚发的…): the record it made is the one taken back.</summary>
    public static readonly KeywordSet MessageReferences = new([
        "上一条", "上条", "上一个", "前一条", "上一句", "上一条消息", "上一条记录", "上条消息", "上条记录", "上一个消息",
        "刚那条", "刚才那条", "刚刚那条", "刚才这条", "刚那个", "刚才那个", "刚刚那个", "刚才那句", "刚那句", "刚刚那句",
        "刚发的", "刚才发的", "刚刚发的", "刚发那条", "刚才发那条", "刚刚发那条", "刚录的", "刚才录的", "刚刚录的", "刚记的",
        "刚才记的", "刚刚记的", "刚填的", "刚才填的", "前面那条", "前面那个", "之前那条", "上面那条", "上面那个", "上面的",
    ]);

    /// <summary>"刚才"/"刚刚" alone: a reference only when a topic, an error word or a verb of reporting follows at once.</summary>
    public static readonly KeywordSet JustNow = new(["刚才", "刚刚"]);

    /// <summary>A time of an earlier report (昨天报的, 早上录的, 前面说的, 上次报的): the time word.</summary>
    public static readonly KeywordSet ReportTimes = new([
        "刚才", "刚刚", "刚", "前面", "先前", "之前", "上次", "上回", "昨天", "昨儿", "前天", "早上", "早晨", "上午", "中午", "下午",
        "今天早上", "今天上午", "今早", "前几天", "上周", "那天", "头天",
    ]);

    /// <summary>A verb of reporting after the time word (报/录/说/发/填/记/登记/写/提交).</summary>
    public static readonly KeywordSet ReportVerbs = new([
        "报", "录", "说", "发", "填", "记", "登记", "写", "提交", "报上去", "报给你", "跟你说", "给你发", "给你报", "录入", "上报",
    ]);

    /// <summary>The record named after its content: "刚才报安捷成立支部那条" — the record word that closes the reference.</summary>
    public static readonly KeywordSet RecordWords = new(["那条", "那个记录", "那条记录", "那一条", "这条"]);

    /// <summary>What of the record was wrong (数字/名字/人数/日期/那家…): optional, between the reference and the error word.</summary>
    public static readonly KeywordSet Topics = new([
        "数字", "数", "名字", "人名", "人数", "日期", "日子", "时间", "单位", "那家", "地方", "党员数", "党员人数", "党员", "职工人数",
        "职工数", "员工数", "员工人数", "职工", "员工", "书记名字", "书记", "帮扶单位", "类型", "类别", "个数",
    ]);

    /// <summary>The error predicate: the earlier message was wrong, or is withdrawn (说错了/搞错了/不对/有误/当我没说/作废/撤回…).</summary>
    public static readonly KeywordSet Errors = new([
        "说错了", "搞错了", "写错了", "报错了", "记错了", "弄错了", "填错了", "打错了", "输错了", "录错了", "发错了", "点错了", "看错了",
        "数错了", "看岔了", "记岔了", "数岔了", "说岔了", "搞岔了", "弄岔了", "说错", "搞错", "写错", "报错", "记错", "弄错", "填错",
        "打错", "输错", "录错", "发错", "看错", "错了", "有错", "不对", "有误", "不准", "不准确", "当我没说", "就当我没说", "作废",
        "不算", "不算数", "不对不对", "撤回", "撤销", "撤了", "撤掉", "撤一下", "撤回一下", "删掉", "删了", "删除", "删一下", "不要了", "别记",
        "别记了", "不用记", "不用记了", "取消", "发重了", "重复了", "报重了",
    ]);

    /// <summary>Other words that start with an error word (不对劲, 不算多, 不准备, 错了吗): no error said.</summary>
    public static readonly KeywordSet Lookalikes = new([
        "不对劲", "不对头", "不对称", "不对付", "不对口", "不对外", "不算多", "不算少", "不算大", "不算小", "不算太", "不算很", "不算是",
        "不算在", "不算进", "不算入", "不算上", "不准备", "不准时", "不准点", "错了吗", "错了么", "错了没", "不对吗", "不对么", "有误吗",
        "删了吗", "删掉吗", "撤回吗", "作废吗", "不准确吗",
    ]);

    /// <summary>A take-back said as a verb before the reference (撤回上一条, 撤一下刚才那条, 删掉上条).</summary>
    public static readonly KeywordSet Retractions = new([
        "撤回", "撤销", "撤一下", "撤掉", "撤了", "删掉", "删除", "删了", "删一下", "作废", "取消",
    ]);

    /// <summary>Particles after the error word (啊/了/哈/呢/呀/啦/吧/哦).</summary>
    public static readonly KeywordSet Particles = new(["啊", "了", "哈", "呢", "呀", "啦", "吧", "哦", "噢", "嘛", "哎", "哈哈"]);

    /// <summary>A doubt or a question in the frame: no take-back (是不是搞错了, 会不会记错了, 可能写错了, 如果…).</summary>
    public static readonly KeywordSet Doubts = new([
        "是不是", "是否", "会不会", "有没有", "可能", "好像", "也许", "怕", "担心", "如果", "要是", "万一", "不知道", "确认一下", "核实",
        "吗", "么", "?", "？",
    ]);
}
