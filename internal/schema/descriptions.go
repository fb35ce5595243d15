package schema

// doc is what an editor sees when hovering a key or choosing a completion:
// a short name and one line on what to write. Editors read Chinese.
type doc struct{ title, text string }

// describe finds a key's doc as Type.key, then as key alone; a key that
// means one thing everywhere is described once.
func describe(typeName, key string) (doc, bool) {
	if d, ok := keyDescriptions[typeName+"."+key]; ok {
		return d, true
	}
	d, ok := keyDescriptions[key]
	return d, ok
}

// describeType finds the doc of a nested type ($defs entry).
func describeType(name string) (doc, bool) {
	d, ok := typeDescriptions[name]
	return d, ok
}

var keyDescriptions = map[string]doc{
	// Keys that mean the same wherever they appear.
	"id":           {"编号", "小写字母、数字和 -，如 households；同一处不重复，引用时用它"},
	"value":        {"数值", "数值，按原文的单位写，如 46（万元）；只写数字，不加引号和逗号"},
	"unit":         {"单位", "照原文写的量词，可在前面加 万 或 亿：个、户、名、人次、万元、亿元……；也可写英文：people、yuan、km、million people……"},
	"unit_en":      {"英文单位", "英文网站上这项数据的名词，用于英文没有对应词的量词（个、只、项……），如 counties；不写时英文页面只显示数字"},
	"display_unit": {"显示单位", "要换成别的单位显示时才写，如数值写的是元、想显示为万元；须与 unit 同一量词（只差 万、亿）"},
	"qualifier":    {"限定词", "照原文写：余、多、近、约、至少、超过、以上、以下；原文没有就不写"},
	"as_of":        {"截至日期", "数据截至的日期，如 2020-08-05；不写时用文件的 as_of，再不写用来源的日期"},
	"source":       {"来源", "这项数据的来源：data/campaign.yaml 中 sources 下的 id；不写时用文件的 source"},
	"note":         {"备注", "在数据表中显示的一句说明"},
	"part_of":      {"属于", "本活动中另一项数据的 id，这项数据是它的一部分；生成时检查各部分之和不超过总数"},
	"deadline":     {"截止日期", "目标要完成的日期，如 2020-12-31"},
	"actual":       {"已完成", "已达到的数值，与 value 同一单位；原文没说就不写"},
	"points":       {"数据点", "按日期从早到晚，每项写 date、value，可加 qualifier"},

	"period":       {"时间段", "start 开始、end 结束（日期），label 是一句说明，如 2020年初以来"},
	"start":        {"开始", "开始日期：2020-08-05，或 2020-08、2020"},
	"end":          {"结束", "结束日期：2020-08-05，或 2020-08、2020"},
	"charts":       {"图表", "每项一个图表：type、title，以及要画的数据"},
	"townships":    {"乡镇", "涉及的乡镇：data/townships.yaml 中的 slug，如 [chengguan]"},
	"villages":     {"村", "涉及的村：data/townships.yaml 中村的 slug"},
	"slug":         {"网址名", "小写拼音（不带声调）、数字和 -，如 chengguan；全文件不重复"},
	"short_title":  {"简称", "用在首页卡片和菜单上"},
	"participants": {"参与者", "谁参与（文字；人数写在 metrics 里）"},
	"key_metrics":  {"要点数据", "首页卡片上显示的数据 id；不写时显示前三项"},
	"targets":      {"目标", "每项写 id、label、value、unit，可加 deadline、actual"},
	"breakdowns":   {"分项", "按单位、乡镇、村或个人列出的数据"},

	// site.yaml
	"SiteConfig.title":            {"网站标题", "显示在每页顶部和浏览器标签上"},
	"SiteConfig.description":      {"网站简介", "一句话介绍网站，用作搜索结果中的摘要"},
	"SiteConfig.base_url":         {"网址", "网站的公开地址，如 https://jinzhan.example.org/"},
	"SiteConfig.language":         {"界面语言", "zh-CN（中文，默认）或 en（英文）"},
	"SiteConfig.theme":            {"主题", "themes/ 下的主题文件夹名，默认 default"},
	"SiteConfig.copyright":        {"页脚", "页脚显示的一行文字"},
	"SiteConfig.menu":             {"菜单", "每项写 label 和 url；不写时用默认菜单：总览、乡镇（有 data/townships.yaml 时）、故事、搜索"},
	"SiteConfig.stale_after_days": {"数据过期天数", "数据的截至日期早于这么多天时，jinzhan check 给出提醒；0 表示不提醒，不写时用默认天数"},
	"SiteConfig.place_names":      {"地点名称", "data/townships.yaml 中两级地点的叫法：township（默认 乡镇）、village（默认 村）；省级网站可写 township: 县"},
	"PlaceNames.township":         {"第一级地点", "data/townships.yaml 中 townships 的叫法，如 县、乡镇；英文网站如 county"},
	"PlaceNames.townships":        {"第一级地点（复数）", "英文网站用的复数，如 counties；不写时在 township 后加 s 或把 y 改成 ies"},
	"PlaceNames.village":          {"第二级地点", "data/townships.yaml 中 villages 的叫法，如 村、乡镇；英文网站如 village"},
	"PlaceNames.villages":         {"第二级地点（复数）", "英文网站用的复数，如 villages；不写时在 village 后加 s"},
	"SiteConfig.deploy":           {"发布", "jinzhan deploy 上传网站的目标和文件头设置（见 docs/deploy.md）；不写密钥"},
	"Deploy.targets":              {"发布目标", "每个目标写 name 和 url，如 s3://存储桶?endpoint=https://…&region=…"},
	"Deploy.gzip":                 {"压缩", "true：文本文件压缩后上传，带 Content-Encoding: gzip；不写时不压缩"},
	"Deploy.cache_control":        {"缓存规则", "按路径给文件设 Cache-Control，先写的先匹配，如 path: data/**、value: public, max-age=60"},
	"DeployTarget.name":           {"目标名称", "jinzhan deploy --target 后写的名字，如 production"},
	"DeployTarget.url":            {"目标地址", "s3://存储桶[/文件夹]?endpoint=https://…&region=…；不写密钥"},
	"CacheRule.path":              {"路径模式", "网站中的路径，开头不加 /；* 代表名称的一部分，** 代表任意层文件夹，如 **/*.html"},
	"CacheRule.value":             {"Cache-Control 值", "照 HTTP 头原样写，如 public, max-age=60"},
	"MenuItem.label":              {"菜单文字", "菜单上显示的文字，如 乡镇"},
	"MenuItem.url":                {"链接", "站内路径如 /townships/，或 http(s) 网址"},

	// data/campaign.yaml
	"Campaign.name":       {"活动名称", "系列活动的名称"},
	"Campaign.place":      {"地点", "活动所在地：全国，或省、市、县、乡镇的名称"},
	"Campaign.summary":    {"简介", "一段话，显示在首页标题下"},
	"Campaign.as_of":      {"截至日期", "总体数据默认的截至日期，如 2020-08-05"},
	"Campaign.source":     {"默认来源", "总体数据默认的来源：sources 下的 id"},
	"Campaign.sources":    {"来源列表", "数据依据的报道或文件，每项写 id、title、publisher、date"},
	"Campaign.organisers": {"组织机构", "每项写 name、duty，可列出下设的 groups"},
	"Campaign.carriers":   {"活动载体", "count：载体总数的数据 id；named：数据中写到的活动"},
	"Campaign.metrics":    {"总体数据", "活动总体的数据，引用时写 campaign.<id>"},
	"Campaign.headline":   {"首页要点", "首页顶部显示的数据引用：总体数据写作 campaign.编号，活动的数据写作 活动.编号；序列的数据点写 活动.序列编号@2012 或 @latest，目标的实际值写 活动.目标编号.actual"},
	"Campaign.charts":     {"首页图表", "首页上的图表；数据引用写全：活动.编号"},
	"Period.label":        {"时间说明", "一句说明，如 2020年初以来"},
	"Source.id":           {"来源编号", "小写字母、数字和 -，如 report-2020；数据的 source 写它"},
	"Source.title":        {"报道标题", "报道或文件的标题"},
	"Source.publisher":    {"发布者", "报社、机构等发布者的名称"},
	"Source.date":         {"发布日期", "年-月-日，如 2020-08-05"},
	"Source.author":       {"作者", "作者或记者"},
	"Source.url":          {"网址", "原文的 http(s) 地址"},
	"Organiser.name":      {"机构名称", "如 推进督导办公室"},
	"Organiser.duty":      {"职责", "一两句话说明职责"},
	"Organiser.groups":    {"下设小组", "每项写 name、duty"},
	"Carriers.count":      {"载体总数", "记录载体数量的总体数据 id（本文件 metrics 下），如 carriers"},
	"Carriers.named":      {"已写到的活动", "data/activities/ 下的文件名（不带 .yaml）"},

	// data/activities/<slug>.yaml
	"Activity.title":      {"活动全称", "活动的完整名称"},
	"Activity.summary":    {"一句话介绍", "显示在首页的活动卡片上"},
	"Activity.weight":     {"排序", "首页上的顺序：数字小的在前，相同时按文件名"},
	"Activity.source":     {"默认来源", "本文件所有数据默认的来源：data/campaign.yaml 中 sources 下的 id"},
	"Activity.as_of":      {"截至日期", "本文件所有数据默认的截至日期，如 2020-08-05"},
	"Activity.series":     {"时间序列", "按日期记录的数值：每项写 id、label、unit、points"},
	"Activity.metrics":    {"数据", "本活动的数据，每项写 id、label、value、unit，可加 qualifier"},
	"Metric.label":        {"数据名称", "统计的是什么，如 帮助发展到户扶贫项目"},
	"Target.id":           {"目标编号", "小写字母、数字和 -，与本活动的数据 id 不重复"},
	"Target.label":        {"目标名称", "要达到的是什么，如 集体经济收入达标的村"},
	"Target.value":        {"目标数值", "目标的数值，按原文的单位写；要降低的数字写降到多少，如 0"},
	"Target.direction":    {"方向", "up：数字要提高到目标（默认）；down：数字要降到目标，如贫困人口降至 0"},
	"Target.from":         {"起点", "数字原来是多少，与 value 同一单位，如 9899（万人）；写了才能显示进度条和进度图"},
	"Breakdown.id":        {"分项编号", "小写字母、数字和 -，如 water；引用时写 活动.分项.数据"},
	"Breakdown.name":      {"分项名称", "单位、乡镇、村或个人的名称"},
	"Breakdown.kind":      {"类别", "organisation 单位、township 乡镇、village 村、person 个人、group 群体"},
	"Breakdown.townships": {"乡镇", "它涉及的乡镇：data/townships.yaml 中的 slug"},
	"Breakdown.villages":  {"村", "它涉及的村：data/townships.yaml 中村的 slug（所属乡镇不必再写）"},
	"Breakdown.note":      {"做了什么", "一句话说明做了什么"},
	"Breakdown.metrics":   {"分项数据", "每项写 id、label、value、unit，可加 qualifier"},
	"Series.id":           {"序列编号", "小写字母、数字和 -；折线图的 series 写它"},
	"Series.label":        {"序列名称", "记录的是什么，如 村集体经济收入"},
	"Series.unit":         {"单位", "所有数据点共用的单位，可在前面加 万 或 亿"},
	"Series.source":       {"来源", "数据点的来源：sources 下的 id；不写时用文件的 source"},
	"Point.date":          {"日期", "这个数据点的日期：2020-08-05，或 2020-08、2020"},
	"Point.value":         {"数值", "按序列的单位写，只写数字"},
	"ChartSpec.id":        {"图表编号", "小写字母、数字和 -；不写时按位置编号"},
	"ChartSpec.type":      {"图表类型", "bar 柱状、hbar 横向柱状（适合较长的中文名称）、pie 饼图、donut 环形图、stacked 堆叠、line 折线、gauge 进度"},
	"ChartSpec.title":     {"图表标题", "也是图表的无障碍名称"},
	"ChartSpec.summary":   {"一句话说明", "图表的结论；不写时根据数据自动生成"},
	"ChartSpec.metrics":   {"数据引用", "bar、hbar、pie、donut 要画的数据，单位相同：本活动的数据写编号（分项的写 分项.编号），其他活动的写 活动.编号；序列的数据点写 序列编号@2012"},
	"ChartSpec.segments":  {"分段名称", "stacked：每段的名称"},
	"ChartSpec.rows":      {"行", "stacked：每行写 label，metrics 按 segments 的顺序每段一个"},
	"ChartSpec.series":    {"序列", "line：要画的时间序列 id；bar、hbar 也可画一个序列，每个数据点一根柱子"},
	"ChartSpec.target":    {"目标", "gauge：要显示进度的目标 id（该目标要写 actual）"},
	"ChartRow.label":      {"行名称", "这一行（一根柱子）的名称"},
	"ChartRow.metrics":    {"各段数据", "数据引用，每段一个，顺序同 segments"},

	// data/townships.yaml
	"TownshipsFile.townships": {"乡镇列表", "每项写 slug、name，可列出 villages"},
	"Township.name":           {"乡镇名称", "如 城关镇"},
	"Township.villages":       {"村", "报道中写到的本乡镇的村，每项写 slug、name"},
	"Village.name":            {"村名", "村的名称"},

	// Markdown front matter
	"FrontMatter.title":    {"标题", "页面标题（必填）"},
	"FrontMatter.date":     {"日期", "故事的日期（故事必填），如 2020-08-05"},
	"FrontMatter.activity": {"所属活动", "data/activities/ 下的文件名（不带 .yaml）（故事必填）"},
	"FrontMatter.summary":  {"摘要", "一句话，用在列表里和搜索结果的摘要中"},
	"FrontMatter.weight":   {"排序", "普通页面的顺序：数字小的在前"},
	"FrontMatter.draft":    {"草稿", "写 true 时这一页不发布"},
	"FrontMatter.photos":   {"照片", "故事的照片，每项写 file、alt，可加 caption、credit；照片文件放在 images/ 文件夹"},
	"Photo.file":           {"照片文件", "images/ 文件夹中的文件名；JPEG 或 PNG，不超过 20 MB"},
	"Photo.alt":            {"替代文字", "照片上是谁、在做什么、在哪里，写给看不到照片的读者（读屏软件会读出来）"},
	"Photo.caption":        {"图片说明", "照片下方的说明文字"},
	"Photo.credit":         {"摄影", "拍摄者或供图单位"},
}

var typeDescriptions = map[string]doc{
	"Date":         {"日期", "年-月-日：2020-08-05；原文不够精确时写 2020-08 或 2020"},
	"MenuItem":     {"菜单项", "label 和 url"},
	"Deploy":       {"发布设置", "targets、gzip 和 cache_control"},
	"DeployTarget": {"一个发布目标", "name 和 url"},
	"CacheRule":    {"一条缓存规则", "path 和 value"},
	"PlaceNames":   {"地点名称", "两级地点的叫法：township、village，英文网站可加复数 townships、villages"},
	"Period":       {"时间段", "start、end 和 label"},
	"Source":       {"来源", "一篇报道或一份文件"},
	"Organiser":    {"组织机构", "机构和它下设的小组"},
	"Carriers":     {"活动载体", "载体总数和数据中写到的活动"},
	"Metric":       {"一项数据", "数值、单位、限定词、截至日期和来源"},
	"Target":       {"一个目标", "目标数值、方向（提高到或降至）、起点、截止日期和已完成的数值"},
	"Breakdown":    {"一个分项", "一个单位、乡镇、村或个人和它的数据"},
	"Series":       {"一个时间序列", "同一单位、按日期排列的数值"},
	"Point":        {"一个数据点", "日期和数值"},
	"ChartSpec":    {"一个图表", "类型、标题和要画的数据"},
	"ChartRow":     {"堆叠图的一行", "名称和每段一个数据"},
	"Township":     {"一个乡镇", "slug、名称和报道中写到的村"},
	"Village":      {"一个村", "slug 和名称"},
	"Photo":        {"一张照片", "images/ 中的文件、替代文字、说明和摄影"},
}
