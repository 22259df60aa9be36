-- Reference data every deployment needs: the problem categories of DESIGN.md and default
-- time limits by severity. Admins edit them later; this only sets the starting table.
INSERT INTO categories (code, domain, name_zh, name_en, icon, default_severity, duplicate_radius_m, sort_order) VALUES
  ('floating_debris',      'river', '水面漂浮物',            'Floating debris',                        'debris',    'general', 50, 10),
  ('bank_garbage',         'river', '岸边垃圾',              'Garbage on the bank',                    'garbage',   'general', 30, 20),
  ('illegal_outfall',      'river', '排污口/偷排',           'Outfall or illegal discharge',           'outfall',   'serious', 50, 30),
  ('black_odorous_water',  'river', '黑臭水体',              'Black and odorous water',                'odour',     'serious', 100, 40),
  ('illegal_occupation',   'river', '乱占乱建',              'Illegal building or occupation',         'building',  'serious', 50, 50),
  ('illegal_sand_fishing', 'river', '非法采砂/捕捞',         'Illegal sand mining or fishing',         'fishing',   'serious', 100, 60),
  ('bank_damage',          'river', '岸坡损毁',              'Damaged bank',                           'bank',      'general', 50, 70),
  ('river_sign',           'river', '河长公示牌',            'Missing or damaged river-chief sign',    'sign',      'general', 30, 80),
  ('fire_lane_blocked',    'fire',  '消防车通道占用',        'Fire lane blocked',                      'fire-lane', 'serious', 30, 10),
  ('ebike_indoor',         'fire',  '电动车楼道停放/飞线充电', 'E-bike indoors or flying-wire charging', 'ebike',     'serious', 20, 20),
  ('corridor_clutter',     'fire',  '楼道堆物',              'Corridor clutter',                       'clutter',   'general', 20, 30),
  ('exit_blocked',         'fire',  '安全出口堵塞/锁闭',     'Blocked or locked exit',                 'exit',      'serious', 20, 40),
  ('fire_equipment',       'fire',  '消防设施损坏/灭火器过期', 'Missing, expired or damaged equipment',  'extinguisher', 'general', 20, 50),
  ('illegal_wiring',       'fire',  '私拉乱接',              'Illegal wiring',                         'wiring',    'serious', 30, 60),
  ('combustible_panels',   'fire',  '泡沫夹芯板/彩钢板',     'Combustible sandwich panels',            'panel',     'serious', 50, 70),
  ('three_in_one',         'fire',  '三合一场所',            'Three-in-one premises',                  'three-in-one', 'major', 30, 80),
  ('fire_other',           'fire',  '其他消防隐患',          'Other fire hazard',                      'other',     'general', 30, 90);

-- Quick hazards count in hours; work that needs contractors or approvals counts in working days.
INSERT INTO time_limits (category_code, severity, amount, unit) VALUES
  ('floating_debris', 'general', 24, 'hours'), ('floating_debris', 'serious', 12, 'hours'), ('floating_debris', 'major', 4, 'hours'),
  ('bank_garbage', 'general', 24, 'hours'), ('bank_garbage', 'serious', 12, 'hours'), ('bank_garbage', 'major', 4, 'hours'),
  ('illegal_outfall', 'general', 5, 'working_days'), ('illegal_outfall', 'serious', 2, 'working_days'), ('illegal_outfall', 'major', 24, 'hours'),
  ('black_odorous_water', 'general', 10, 'working_days'), ('black_odorous_water', 'serious', 5, 'working_days'), ('black_odorous_water', 'major', 2, 'working_days'),
  ('illegal_occupation', 'general', 15, 'working_days'), ('illegal_occupation', 'serious', 10, 'working_days'), ('illegal_occupation', 'major', 5, 'working_days'),
  ('illegal_sand_fishing', 'general', 2, 'working_days'), ('illegal_sand_fishing', 'serious', 24, 'hours'), ('illegal_sand_fishing', 'major', 4, 'hours'),
  ('bank_damage', 'general', 10, 'working_days'), ('bank_damage', 'serious', 5, 'working_days'), ('bank_damage', 'major', 48, 'hours'),
  ('river_sign', 'general', 5, 'working_days'), ('river_sign', 'serious', 3, 'working_days'), ('river_sign', 'major', 2, 'working_days'),
  ('fire_lane_blocked', 'general', 4, 'hours'), ('fire_lane_blocked', 'serious', 2, 'hours'), ('fire_lane_blocked', 'major', 1, 'hours'),
  ('ebike_indoor', 'general', 24, 'hours'), ('ebike_indoor', 'serious', 8, 'hours'), ('ebike_indoor', 'major', 2, 'hours'),
  ('corridor_clutter', 'general', 3, 'working_days'), ('corridor_clutter', 'serious', 24, 'hours'), ('corridor_clutter', 'major', 8, 'hours'),
  ('exit_blocked', 'general', 8, 'hours'), ('exit_blocked', 'serious', 4, 'hours'), ('exit_blocked', 'major', 1, 'hours'),
  ('fire_equipment', 'general', 5, 'working_days'), ('fire_equipment', 'serious', 3, 'working_days'), ('fire_equipment', 'major', 24, 'hours'),
  ('illegal_wiring', 'general', 3, 'working_days'), ('illegal_wiring', 'serious', 24, 'hours'), ('illegal_wiring', 'major', 4, 'hours'),
  ('combustible_panels', 'general', 15, 'working_days'), ('combustible_panels', 'serious', 10, 'working_days'), ('combustible_panels', 'major', 5, 'working_days'),
  ('three_in_one', 'general', 10, 'working_days'), ('three_in_one', 'serious', 5, 'working_days'), ('three_in_one', 'major', 2, 'working_days'),
  ('fire_other', 'general', 5, 'working_days'), ('fire_other', 'serious', 3, 'working_days'), ('fire_other', 'major', 24, 'hours');
