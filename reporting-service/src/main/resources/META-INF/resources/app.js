/* UrbanInvest dashboard: reads the reporting-service API with a bearer token and draws KPI cards and charts. */
(function () {
  'use strict';

  var API = '/api/v1/reports';
  var TOKEN_KEY = 'urbaninvest.token';
  var COLORS = { intended: '#9db4d3', signed: '#1f5fa8', declared: '#c9d3df', registered: '#2e8b57', line: '#1f5fa8' };
  var state = { token: null, catalogue: null, reports: {}, zone: null, programme: null, currency: null, asOf: null,
    charts: {} };
  var STAGES = { INTENDED: 'Intended', SIGNED: 'Signed', STARTED: 'Started', OPERATIONAL: 'Operational' };
  /**
   * A finding's subject: the reports' side of it (shown in the subject panel) and its owner's API path (named there:
   * the owner answers it with a token, behind the Ingress on the same host).
   */
  var SUBJECTS = {
    agreement: { report: API + '/agreements/', owner: 'investment-service', path: '/api/v1/agreements/' },
    project: { report: API + '/projects/', owner: 'project-service', path: '/api/v1/projects/' }
  };
  var FINDINGS_SHOWN = 50;

  // ---------- formatting ----------
  var numberFormat = new Intl.NumberFormat('en-US');
  var twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function count(n) { return numberFormat.format(n); }
  function yiValue(amount) { return Number(amount) / 1e8; }
  function yiUnit(currency) { return currency === 'CNY' ? '亿元' : '亿 ' + currency; }
  function yi(amount, currency) { return twoDecimals.format(yiValue(amount)) + ' ' + yiUnit(currency); }
  function billions(amount, currency) { return twoDecimals.format(Number(amount) / 1e9) + ' bn ' + currency; }
  function percent(ratio) { return ratio === null || ratio === undefined ? '—' : (Number(ratio) * 100).toFixed(2) + '%'; }
  function amountIn(totals, currency) { return totals && totals[currency] !== undefined ? totals[currency] : '0.00'; }

  // ---------- access ----------
  function fragment(name) {
    var match = new RegExp('(?:^|[#&])' + name + '=([^&]+)').exec(window.location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  /** The token from #token=… (kept for this tab only, and taken out of the address bar) or from earlier. */
  function readToken() {
    var token = fragment('token');
    state.zone = fragment('zone');
    state.programme = fragment('programme');
    state.asOf = fragment('asOf');
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function AccessError(status) { this.status = status; }

  function get(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) { throw new AccessError(response.status); }
        if (!response.ok) { throw new Error('The reports answered ' + response.status + ' for ' + path); }
        return response.json();
      });
  }

  /** The as-of parameter of the reports that take one: '' when the figures are as they stand now. */
  function asOfParameter(separator) { return state.asOf ? separator + 'asOf=' + state.asOf : ''; }

  function getAllZones() {
    var items = [];
    function page(n) {
      return get(API + '/zones?size=500&page=' + n + asOfParameter('&')).then(function (body) {
        items = items.concat(body.items);
        return items.length < body.total && body.items.length > 0 ? page(n + 1) : items;
      });
    }
    return page(0);
  }

  // ---------- messages ----------
  function show(id, visible) { document.getElementById(id).hidden = !visible; }

  function message(text, isError) {
    var box = document.getElementById('message');
    box.textContent = text;
    box.className = 'message' + (isError ? ' error' : '');
    box.hidden = !text;
  }

  function signIn(text, isError) {
    show('dashboard', false);
    show('sign-out', false);
    show('sign-in', true);
    message(text, Boolean(isError));
    document.body.dataset.state = 'signed-out';
  }

  function failed(error) {
    if (error instanceof AccessError) {
      if (error.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        signIn('Your token was rejected (expired, or not issued for UrbanInvest). Please sign in again.', true);
      } else {
        message('This token may not read reports: it needs the viewer, editor or admin role.', true);
        document.body.dataset.state = 'forbidden';
      }
      return;
    }
    message('The reports cannot be loaded right now: ' + error.message, true);
    document.body.dataset.state = 'error';
  }

  // ---------- zones ----------
  function zoneByCode(code) {
    return state.catalogue.zones.filter(function (z) { return z.code === code; })[0];
  }

  function childrenOf(code) {
    return state.catalogue.zones.filter(function (z) { return z.parentCode === code; });
  }

  function isInside(code, ancestor) {
    var seen = {};
    for (var zone = zoneByCode(code); zone && !seen[zone.code]; zone = zoneByCode(zone.parentCode)) {
      if (zone.code === ancestor) { return true; }
      seen[zone.code] = true;
    }
    return false;
  }

  function fillZonePicker() {
    var picker = document.getElementById('zone-picker');
    picker.innerHTML = '';
    var known = {};
    state.catalogue.zones.forEach(function (z) { known[z.code] = true; });
    var roots = state.catalogue.zones.filter(function (z) { return !z.parentCode || !known[z.parentCode]; });
    function add(zone, depth, seen) {
      if (seen[zone.code]) { return; }
      seen[zone.code] = true;
      var option = document.createElement('option');
      option.value = zone.code;
      option.textContent = '\u00a0\u00a0'.repeat(depth) + (depth ? '└ ' : '') + zone.name;
      picker.appendChild(option);
      childrenOf(zone.code).forEach(function (child) { add(child, depth + 1, seen); });
    }
    var seen = {};
    roots.forEach(function (root) { add(root, 0, seen); });
    picker.value = state.zone;
  }

  function defaultZone() {
    // the zone with the most intended agreements, else the first known one
    var best = null;
    state.catalogue.zones.forEach(function (z) {
      var report = state.reports[z.code];
      var intended = report ? report.agreements.intended.count + report.projects.count : 0;
      if (!best || intended > best.score) { best = { code: z.code, score: intended }; }
    });
    return best ? best.code : null;
  }

  // ---------- rendering ----------
  function setKpi(name, text) {
    document.querySelectorAll('[data-kpi="' + name + '"]').forEach(function (el) { el.textContent = text; });
  }

  function currenciesOf(report) {
    var set = {};
    [report.projects.estimatedInvestment, report.agreements.intended.amount, report.agreements.signed.amount,
      report.agreements.fundsInPlace].forEach(function (totals) {
      Object.keys(totals).forEach(function (c) { set[c] = true; });
    });
    return Object.keys(set).sort();
  }

  function fillCurrencyPicker(report) {
    var currencies = currenciesOf(report);
    if (currencies.length === 0) { currencies = ['CNY']; }
    if (currencies.indexOf(state.currency) < 0) {
      state.currency = currencies.indexOf('CNY') >= 0 ? 'CNY' : currencies[0];
    }
    var picker = document.getElementById('currency-picker');
    picker.innerHTML = '';
    currencies.forEach(function (c) {
      var option = document.createElement('option');
      option.value = c;
      option.textContent = c;
      picker.appendChild(option);
    });
    picker.value = state.currency;
    picker.disabled = currencies.length < 2;
  }

  function renderKpis(report) {
    var c = state.currency;
    var a = report.agreements;
    setKpi('projectCount', count(report.projects.count));
    setKpi('estimatedInvestment', yi(amountIn(report.projects.estimatedInvestment, c), c));
    document.querySelector('[data-kpi-detail="estimatedInvestment"]').textContent =
      billions(amountIn(report.projects.estimatedInvestment, c), c);
    setKpi('intendedCount', count(a.intended.count));
    setKpi('intendedAmount', yi(amountIn(a.intended.amount, c), c) + ' · ' + billions(amountIn(a.intended.amount, c), c));
    setKpi('signedCount', count(a.signed.count));
    setKpi('signedAmount', yi(amountIn(a.signed.amount, c), c) + ' · ' + billions(amountIn(a.signed.amount, c), c));
    setKpi('signingByCount', percent(report.rates.signingByCount));
    setKpi('signingByAmount', percent(report.rates.signingByAmount[c]));
    setKpi('fundsInPlaceRate', percent(report.rates.fundsInPlaceByAmount[c]));
    setKpi('fundsInPlace', yi(amountIn(a.fundsInPlace, c), c));

    var others = currenciesOf(report).filter(function (x) { return x !== c; });
    var note = document.getElementById('other-currencies');
    note.hidden = others.length === 0;
    note.textContent = others.length ? 'Also in ' + others.join(', ') + ': pick the currency above to see those figures (never converted).' : '';
  }

  function chart(id) {
    if (!state.charts[id]) {
      state.charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    }
    return state.charts[id];
  }

  function emptyChart(id, text) {
    chart(id).setOption({
      animation: false,
      title: { text: text, left: 'center', top: 'middle', textStyle: { color: '#5f6b7a', fontSize: 14, fontWeight: 'normal' } },
      xAxis: { show: false }, yAxis: { show: false }, series: []
    }, true);
  }

  var baseText = { fontFamily: 'Noto Sans, Noto Sans CJK SC, sans-serif', color: '#1c2430' };

  function renderZonesChart() {
    var c = state.currency;
    // the chosen zone's subzones; for a zone without any, the zones beside it (one level, never parents and
    // children together, which would count the same agreements twice)
    var zone = zoneByCode(state.zone);
    var children = childrenOf(state.zone);
    var parent = zone && zone.parentCode ? zoneByCode(zone.parentCode) : null;
    var zones = children.length ? children : childrenOf(parent ? parent.code : (zone ? zone.parentCode : null));
    if (!children.length && !parent) {
      zones = state.catalogue.zones.filter(function (z) { return !z.parentCode || !zoneByCode(z.parentCode); });
    }
    var title = children.length ? 'Intended vs signed by subzone of ' + zone.name
      : parent ? 'Intended vs signed by zone in ' + parent.name : 'Intended vs signed by top-level zone';
    document.getElementById('zones-chart-title').textContent = title;
    document.getElementById('zones-chart-unit').textContent = yiUnit(c);
    var rows = zones.map(function (z) {
      var report = state.reports[z.code];
      return {
        name: z.name,
        intended: report ? yiValue(amountIn(report.agreements.intended.amount, c)) : 0,
        signed: report ? yiValue(amountIn(report.agreements.signed.amount, c)) : 0
      };
    }).filter(function (r) { return r.intended > 0 || r.signed > 0; })
      .sort(function (x, y) { return x.intended - y.intended; }).slice(-12);
    if (!rows.length) {
      emptyChart('zones-chart', 'No agreements in ' + c + ' yet');
      return;
    }
    chart('zones-chart').setOption({
      animation: false,
      textStyle: baseText,
      color: [COLORS.intended, COLORS.signed],
      legend: { top: 0, data: ['Intended', 'Signed'] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return twoDecimals.format(v) + ' ' + yiUnit(c); } },
      xAxis: { type: 'value', axisLabel: { formatter: function (v) { return numberFormat.format(v); } } },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { width: 170, overflow: 'truncate' } },
      series: [
        { name: 'Intended', type: 'bar', data: rows.map(function (r) { return round2(r.intended); }), barGap: '10%' },
        { name: 'Signed', type: 'bar', data: rows.map(function (r) { return round2(r.signed); }),
          label: { show: true, position: 'right', formatter: function (p) { return twoDecimals.format(p.value); } } }
      ]
    }, true);
  }

  function round2(v) { return Math.round(v * 100) / 100; }

  /** The opportunity lists of the chosen zone and its subzones: the panel offers no other. */
  function fillProgrammePicker() {
    var picker = document.getElementById('programme-picker');
    var programmes = state.catalogue.programmes.filter(function (p) { return isInside(p.zoneCode, state.zone); });
    picker.innerHTML = '';
    programmes.forEach(function (p) {
      var option = document.createElement('option');
      option.value = p.code;
      option.textContent = p.name;
      picker.appendChild(option);
    });
    if (!state.programme || !programmes.some(function (p) { return p.code === state.programme; })) {
      state.programme = programmes.length ? programmes[0].code : null;
    }
    picker.value = state.programme || '';
    picker.disabled = programmes.length === 0;
  }

  function renderProgramme() {
    var status = document.getElementById('programme-status');
    if (!state.programme) {
      status.textContent = '';
      emptyChart('programme-chart', 'No opportunity list published in this zone or its subzones');
      return Promise.resolve();
    }
    return get(API + '/programmes/' + encodeURIComponent(state.programme)).then(function (report) {
      var currency = report.declared.investment.currency;
      document.getElementById('programme-chart-unit').textContent = yiUnit(currency) + ' per category';
      status.innerHTML = '';
      var summary = document.createElement('span');
      summary.textContent = 'Declared ' + count(report.declared.projectCount) + ' projects, ' +
        yi(report.declared.investment.amount, currency) + ' · registered ' + count(report.registered.projectCount) +
        ', ' + yi(amountIn(report.registered.investment, currency), currency) + ' · ';
      var verdict = document.createElement('span');
      verdict.className = report.matches ? 'match' : 'mismatch';
      verdict.textContent = report.matches ? '✓ matches the list' : '✗ does not match the list';
      status.appendChild(summary);
      status.appendChild(verdict);
      if (!report.categories.length) {
        emptyChart('programme-chart', 'This list has no categories');
        return;
      }
      var names = report.categories.map(function (cat) { return cat.name; });
      chart('programme-chart').setOption({
        animation: false,
        textStyle: baseText,
        color: [COLORS.declared, COLORS.registered],
        legend: { top: 0, data: ['Declared', 'Registered'] },
        grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return twoDecimals.format(v) + ' ' + yiUnit(currency); } },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
        yAxis: { type: 'value', axisLabel: { formatter: function (v) { return numberFormat.format(v); } } },
        series: [
          { name: 'Declared', type: 'bar', data: report.categories.map(function (cat) { return round2(yiValue(cat.declared.investment.amount)); }) },
          { name: 'Registered', type: 'bar', data: report.categories.map(function (cat) {
            return { value: round2(yiValue(amountIn(cat.registered.investment, currency))),
              itemStyle: { color: cat.matches ? COLORS.registered : '#c0392b' } };
          }), label: { show: true, position: 'top', formatter: function (p) { return report.categories[p.dataIndex].registered.projectCount + ' proj.'; } } }
        ]
      }, true);
    });
  }

  function monthsBetween(first, last) {
    var months = [];
    var y = Number(first.slice(0, 4));
    var m = Number(first.slice(5, 7));
    for (var guard = 0; guard < 600; guard++) {
      var period = y + '-' + String(m).padStart(2, '0');
      months.push(period);
      if (period >= last) { break; }
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return months;
  }

  function renderMonths() {
    var c = state.currency;
    document.getElementById('months-chart-unit').textContent = yiUnit(c) + ' signed, by signing date';
    return get(API + '/zones/' + encodeURIComponent(state.zone) + '/timeseries?metric=signed&interval=month')
      .then(function (series) {
        var points = series.filter(function (p) { return p.amount[c] !== undefined; });
        if (!points.length) {
          emptyChart('months-chart', 'No signed agreements in ' + c + ' yet');
          return;
        }
        var byPeriod = {};
        points.forEach(function (p) { byPeriod[p.period] = p; });
        var months = monthsBetween(points[0].period, points[points.length - 1].period);
        chart('months-chart').setOption({
          animation: false,
          textStyle: baseText,
          color: [COLORS.line],
          grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis', formatter: function (items) {
            var p = byPeriod[items[0].axisValue];
            return items[0].axisValue + '<br>' + (p ? count(p.count) + ' signed · ' + yi(p.amount[c], c) : 'none signed');
          } },
          xAxis: { type: 'category', data: months, boundaryGap: false },
          yAxis: { type: 'value', axisLabel: { formatter: function (v) { return numberFormat.format(v); } } },
          series: [{ name: 'Signed', type: 'line', symbolSize: 7, areaStyle: { opacity: 0.08 },
            data: months.map(function (m) { return byPeriod[m] ? round2(yiValue(byPeriod[m].amount[c])) : 0; }) }]
        }, true);
      });
  }

  function days(n) { return n === null || n === undefined ? '—' : count(n); }

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function renderFunnel() {
    var path = API + '/zones/' + encodeURIComponent(state.zone) + '/funnel' + asOfParameter('?');
    return get(path).then(function (funnel) {
      document.getElementById('funnel-unit').textContent = 'agreements, days to the end of ' + funnel.asOfDate +
        (funnel.withdrawn ? ' · ' + count(funnel.withdrawn) + ' withdrawn' : '');
      var body = document.querySelector('#funnel-table tbody');
      body.innerHTML = '';
      funnel.stages.forEach(function (stage) {
        var row = document.createElement('tr');
        row.dataset.stage = stage.stage;
        cell(row, STAGES[stage.stage] || stage.stage);
        cell(row, count(stage.reached));
        cell(row, percent(stage.conversion));
        cell(row, count(stage.current.count));
        cell(row, days(stage.current.medianDays));
        cell(row, days(stage.current.p90Days));
        cell(row, days(stage.current.maxDays));
        body.appendChild(row);
      });
      if (!funnel.stages.some(function (stage) { return stage.reached > 0; })) {
        emptyChart('funnel-chart', 'No agreements by ' + funnel.asOfDate);
        return;
      }
      var names = funnel.stages.map(function (stage) { return STAGES[stage.stage] || stage.stage; });
      chart('funnel-chart').setOption({
        animation: false,
        textStyle: baseText,
        color: [COLORS.signed, COLORS.intended],
        legend: { top: 0, data: ['Reached', 'Median days in stage'] },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (items) {
          var stage = funnel.stages[items[0].dataIndex];
          return names[items[0].dataIndex] + '<br>' + count(stage.reached) + ' reached · ' + percent(stage.conversion) +
            ' of the previous stage<br>' + count(stage.current.count) + ' in it now · median ' +
            days(stage.current.medianDays) + ' d, 90th pct. ' + days(stage.current.p90Days) + ' d, max ' +
            days(stage.current.maxDays) + ' d';
        } },
        xAxis: { type: 'category', data: names },
        yAxis: [{ type: 'value', name: 'agreements', minInterval: 1 }, { type: 'value', name: 'days', minInterval: 1 }],
        series: [
          { name: 'Reached', type: 'bar', data: funnel.stages.map(function (stage) { return stage.reached; }),
            label: { show: true, position: 'top' } },
          { name: 'Median days in stage', type: 'bar', yAxisIndex: 1,
            data: funnel.stages.map(function (stage) { return stage.current.medianDays || 0; }),
            label: { show: true, position: 'top', formatter: function (p) {
              return funnel.stages[p.dataIndex].current.count ? p.value + ' d' : '';
            } } }
        ]
      }, true);
    });
  }

  /** A link to a finding's subject: a programme opens in the opportunity-list panel, the others in the subject panel. */
  function subjectLink(subject) {
    var link = document.createElement('a');
    var name = subject.type === 'agreement' ? subject.id : subject.code;
    // an agreement's id is a UUID: its first part tells it apart in the table, the whole is in the link and its title
    link.textContent = subject.type + ' ' + (subject.type === 'agreement' ? name.split('-')[0] + '…' : name);
    link.title = subject.type + ' ' + name;
    link.dataset.subject = subject.type;
    link.href = '#' + subject.type + '=' + encodeURIComponent(name);
    link.addEventListener('click', function (event) {
      event.preventDefault();
      if (subject.type === 'programme') {
        state.programme = name;
        document.getElementById('programme-picker').value = name;
        renderProgramme().catch(failed);
        document.getElementById('programme-chart').scrollIntoView({ behavior: 'smooth', block: 'center' });
      } else {
        renderSubject(subject.type, name).catch(failed);
      }
    });
    return link;
  }

  function field(list, label, value) {
    var term = document.createElement('dt');
    term.textContent = label;
    var description = document.createElement('dd');
    description.textContent = value === null || value === undefined || value === '' ? '—' : value;
    list.appendChild(term);
    list.appendChild(description);
  }

  function moneyText(money) { return money ? yi(money.amount, money.currency) : '—'; }

  /** The subject panel: what the reports hold of an agreement or a project, and the findings on it. */
  function renderSubject(type, name) {
    var where = SUBJECTS[type];
    return get(where.report + encodeURIComponent(name)).then(function (report) {
      var panel = document.getElementById('subject-panel');
      var list = document.getElementById('subject-fields');
      list.innerHTML = '';
      document.getElementById('subject-title').textContent = type + ' ' + name;
      if (type === 'agreement') {
        var agreement = report.agreement;
        field(list, 'Stage', agreement.stage);
        field(list, 'Project', agreement.projectCode);
        var zone = zoneByCode(agreement.zoneCode);
        field(list, 'Zone', zone ? zone.name : agreement.zoneCode);
        field(list, 'Intended', moneyText(agreement.intendedAmount) + ' on ' + agreement.intendedOn);
        field(list, 'Signed', agreement.signedAmount ? moneyText(agreement.signedAmount) + ' on ' + agreement.signedOn : null);
        field(list, 'Started', agreement.startedOn);
        field(list, 'Operational', agreement.operationalOn);
        field(list, 'Withdrawn', agreement.withdrawnOn);
        field(list, 'Funds in place', moneyText(agreement.fundsInPlace) + ' (' + count(agreement.disbursements.length)
          + ' disbursements)');
        field(list, 'Amendments', count(agreement.revisions.amendments));
      } else {
        var project = report.project;
        var projectZone = zoneByCode(project.zoneCode);
        field(list, 'Status', project.status);
        field(list, 'Zone', projectZone ? projectZone.name : project.zoneCode);
        field(list, 'Programme', project.programmeCode);
        field(list, 'Estimated investment', moneyText(project.estimatedInvestment));
        field(list, 'Milestones', project.milestones.map(function (m) {
          return m.code + ' due ' + (m.dueDate || '—') + ' (' + m.status + ')';
        }).join('; '));
      }
      field(list, 'Findings', report.findings.map(function (f) { return f.rule + ': ' + f.detail; }).join('; '));
      document.getElementById('subject-owner').textContent = 'As the reports know it on ' + report.asOfDate
        + '. The record itself: ' + where.owner + ', GET ' + where.path + encodeURIComponent(name) + '.';
      panel.hidden = false;
      panel.scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
  }

  function renderFindings() {
    var path = API + '/zones/' + encodeURIComponent(state.zone) + '/findings?size=' + FINDINGS_SHOWN;
    return get(path).then(function (findings) {
      document.getElementById('findings-unit').textContent = 'records needing attention on ' + findings.asOfDate +
        (state.asOf ? ' (today, whatever the as-of day)' : '');
      var counts = document.getElementById('findings-counts');
      counts.innerHTML = '';
      Object.keys(findings.counts).filter(function (rule) { return findings.counts[rule] > 0; }).forEach(function (rule) {
        var chip = document.createElement('span');
        chip.className = 'rule-count';
        chip.dataset.rule = rule;
        chip.textContent = rule + ': ' + count(findings.counts[rule]);
        counts.appendChild(chip);
      });
      if (!counts.childNodes.length) { counts.textContent = 'Nothing needs attention.'; }
      var body = document.querySelector('#findings-table tbody');
      body.innerHTML = '';
      findings.items.forEach(function (finding) {
        var row = document.createElement('tr');
        cell(row, finding.severity, 'severity-' + finding.severity);
        cell(row, finding.rule);
        cell(row, '').appendChild(subjectLink(finding.subject));
        var zone = zoneByCode(finding.zoneCode);
        cell(row, zone ? zone.name : finding.zoneCode);
        cell(row, finding.since || '—');
        cell(row, finding.detail);
        body.appendChild(row);
      });
      document.getElementById('findings-more').textContent = findings.total > findings.items.length
        ? 'The first ' + count(findings.items.length) + ' of ' + count(findings.total) + ' (GET ' + path.replace(/\?.*/, '') +
          '?page=… for the rest).' : '';
    });
  }

  /** An indicator's value in its unit: currencies in 亿 like the other amounts, other units as numbers. */
  function planValue(value, unit) {
    if (value === null || value === undefined) { return '—'; }
    if (/^[A-Z]{3}$/.test(unit)) { return yi(value, unit); }
    return numberFormat.format(Number(value)) + ' ' + (unit === 'percent' ? '%' : unit);
  }

  /** A target's progress as a bar (the fill clamped to 0–100 %), with the linear path's mark for the next target. */
  function progressBar(progress, expected) {
    var bar = document.createElement('span');
    bar.className = 'progress-bar';
    bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', 'progress ' + percent(progress));
    var fill = document.createElement('span');
    fill.className = 'fill';
    fill.style.width = Math.max(0, Math.min(100, Number(progress || 0) * 100)) + '%';
    bar.appendChild(fill);
    if (expected !== null && expected !== undefined) {
      var mark = document.createElement('span');
      mark.className = 'expected';
      mark.style.left = Math.min(100, Number(expected) * 100) + '%';
      mark.title = 'a linear path would be at ' + percent(expected);
      bar.appendChild(mark);
    }
    return bar;
  }

  function renderPlans() {
    var path = API + '/zones/' + encodeURIComponent(state.zone) + '/plans' + asOfParameter('?');
    return get(path).then(function (report) {
      document.getElementById('plans-unit').textContent = 'latest actuals to the end of ' +
        (report.asOfDate || 'today') + ' · progress = (actual − baseline) / (target − baseline)';
      var container = document.getElementById('plans');
      container.innerHTML = '';
      var empty = document.getElementById('plans-empty');
      empty.hidden = report.plans.length > 0;
      empty.textContent = report.plans.length ? '' : 'No plan of this zone has been published.';
      report.plans.forEach(function (plan) {
        var section = document.createElement('section');
        section.className = 'plan';
        section.dataset.plan = plan.code;
        var title = document.createElement('h4');
        title.textContent = plan.title;
        section.appendChild(title);
        var source = document.createElement('p');
        source.className = 'muted small source';
        source.textContent = [plan.source.title, plan.source.issuer, plan.source.date].filter(Boolean).join(' · ') +
          ' · ' + plan.period.startDate + ' – ' + plan.period.endDate;
        section.appendChild(source);
        var table = document.createElement('table');
        table.className = 'table small';
        table.innerHTML = '<thead><tr><th>Indicator</th><th>Baseline</th><th>Latest actual</th><th>Targets and progress</th>' +
          '<th>Next target</th><th>Sum of the zones beneath</th></tr></thead>';
        var body = document.createElement('tbody');
        plan.indicators.forEach(function (indicator) {
          var row = document.createElement('tr');
          row.dataset.indicator = indicator.code;
          cell(row, indicator.name + (indicator.derivedFrom ? ' (' + indicator.derivedFrom.replace(/-/g, ' ') + ')' : ''));
          cell(row, planValue(indicator.baseline.value, indicator.unit) + ' (' + indicator.baseline.year + ')');
          cell(row, indicator.actual ? planValue(indicator.actual.value, indicator.unit) + ' (' + indicator.actual.date + ')'
            : 'none yet').dataset.actual = indicator.actual ? indicator.actual.value : '';
          var targets = cell(row, '');
          indicator.targets.forEach(function (target) {
            var line = document.createElement('div');
            line.className = 'target';
            line.dataset.year = target.year;
            line.dataset.progress = target.progress === null ? '' : target.progress;
            var next = indicator.nextTarget && indicator.nextTarget.year === target.year;
            line.appendChild(document.createTextNode(target.year + ': ' + planValue(target.value, indicator.unit)));
            line.appendChild(progressBar(target.progress, next ? indicator.nextTarget.expectedProgress : null));
            line.appendChild(document.createTextNode(percent(target.progress)));
            targets.appendChild(line);
          });
          var verdict = indicator.onTrack === null ? '—' : indicator.onTrack ? 'on track' : 'behind';
          var track = cell(row, indicator.nextTarget ? indicator.nextTarget.year + ': ' + verdict + ' (path ' +
            percent(indicator.nextTarget.expectedProgress) + ')' : '—',
            indicator.onTrack === null ? '' : indicator.onTrack ? 'on-track' : 'off-track');
          track.dataset.onTrack = indicator.onTrack === null ? '' : String(indicator.onTrack);
          cell(row, indicator.rollUp ? planValue(indicator.rollUp.actual, indicator.unit) + ' from ' +
            indicator.rollUp.plans.length + ' plan' + (indicator.rollUp.plans.length > 1 ? 's' : '')
            : indicator.aggregation === 'SUM' ? '—' : 'not summed');
          body.appendChild(row);
        });
        table.appendChild(body);
        section.appendChild(table);
        container.appendChild(section);
      });
    });
  }

  function render() {
    var report = state.reports[state.zone];
    var zone = zoneByCode(state.zone);
    document.getElementById('zone-title').textContent = zone.name;
    var parent = zoneByCode(zone.parentCode);
    var children = childrenOf(zone.code).length;
    document.getElementById('zone-scope').textContent = zone.kind.replace(/_/g, ' ').toLowerCase() +
      (parent ? ' in ' + parent.name : '') + (children ? ' · figures include its ' + children + ' subzone' + (children > 1 ? 's' : '') : '');
    document.getElementById('as-of').textContent = report.asOf ? new Date(report.asOf).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '—';
    document.getElementById('as-of-day').textContent = report.asOfDate ? 'Agreements as of the end of ' + report.asOfDate + ' ·' : '';
    fillCurrencyPicker(report);
    renderKpis(report);
    renderZonesChart();
    fillProgrammePicker();
    var nothing = report.agreements.intended.count === 0 && report.agreements.withdrawn.count === 0 && report.projects.count === 0;
    message(nothing ? 'No data yet for ' + zone.name + ': no project or agreement has been reported for it.' : '', false);
    document.body.dataset.state = 'loading';
    return Promise.all([renderProgramme(), renderMonths(), renderFunnel(), renderFindings(), renderPlans()]).then(function () {
      document.body.dataset.state = 'ready';
    });
  }

  function load() {
    show('sign-in', false);
    show('sign-out', true);
    document.body.dataset.state = 'loading';
    var today = new Date().toISOString().slice(0, 10);
    var picker = document.getElementById('as-of-picker');
    picker.max = today;
    if (state.asOf && !(state.asOf >= picker.min && state.asOf <= today)) { state.asOf = null; }
    picker.value = state.asOf || '';
    return Promise.all([get(API + '/catalogue'), getAllZones()]).then(function (results) {
      state.catalogue = results[0];
      state.reports = {};
      results[1].forEach(function (r) { state.reports[r.zone] = r; });
      if (!state.catalogue.zones.length) {
        show('dashboard', false);
        message('No data yet: the reports have not received any zone. They fill in as soon as project-service publishes its events.', false);
        document.body.dataset.state = 'empty';
        return;
      }
      if (!state.zone || !zoneByCode(state.zone)) { state.zone = defaultZone(); }
      fillZonePicker();
      show('dashboard', true);
      return render();
    }).catch(failed);
  }

  /** Every zone's report again (the zones chart compares them), after the as-of day changed. */
  function refreshAll() {
    document.body.dataset.state = 'loading';
    return getAllZones().then(function (reports) {
      reports.forEach(function (r) { state.reports[r.zone] = r; });
      return render();
    }).catch(failed);
  }

  function refreshZone() {
    document.body.dataset.state = 'loading';
    return get(API + '/zones/' + encodeURIComponent(state.zone) + asOfParameter('?')).then(function (report) {
      state.reports[state.zone] = report;
      return render();
    }).catch(failed);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('sign-in-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var token = document.getElementById('token-input').value.trim().replace(/^Bearer\s+/i, '');
      if (!token) { return; }
      sessionStorage.setItem(TOKEN_KEY, token);
      state.token = token;
      message('', false);
      load();
    });
    document.getElementById('sign-out').addEventListener('click', function () {
      sessionStorage.removeItem(TOKEN_KEY);
      state.token = null;
      signIn('', false);
    });
    document.getElementById('zone-picker').addEventListener('change', function (event) {
      state.zone = event.target.value;
      state.programme = null;
      refreshZone();
    });
    document.getElementById('currency-picker').addEventListener('change', function (event) {
      state.currency = event.target.value;
      render().catch(failed);
    });
    document.getElementById('as-of-picker').addEventListener('change', function (event) {
      state.asOf = event.target.value || null;
      refreshAll();
    });
    document.getElementById('programme-picker').addEventListener('change', function (event) {
      state.programme = event.target.value;
      renderProgramme().catch(failed);
    });
    window.addEventListener('resize', function () {
      Object.keys(state.charts).forEach(function (id) { state.charts[id].resize(); });
    });

    state.token = readToken();
    if (!state.token) {
      signIn('Sign in to see the reports: no token was given.', false);
      return;
    }
    load();
  });
}());
