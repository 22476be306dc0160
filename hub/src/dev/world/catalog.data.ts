import type { BaseUnit } from '@bazaar/shared';

/**
 * What an Indian kiryana store sells. Prices are typical shelf prices in minor units (2024);
 * loose goods (unit g or ml) are priced per kg or per litre, packed goods per piece.
 */
export interface StapleItem {
  item: string;
  category: string;
  unit: BaseUnit;
  brands: readonly string[];
  /** Pack label and shelf price in minor units. Loose items have one entry with label '' (price per kg / L). */
  sizes: readonly (readonly [string, number])[];
  /** Supplier group that distributes it. */
  supplier: 'foods' | 'fmcg' | 'dairy' | 'beverages' | 'local';
}

export const STAPLES: readonly StapleItem[] = [
  { item: 'Whole Wheat Atta', category: 'Atta & Flours', unit: 'pc', brands: ['Aashirvaad', 'Pillsbury', 'Fortune', 'Annapurna', 'Patanjali', 'Rajdhani'], sizes: [['5 kg', 26_500], ['10 kg', 49_500]], supplier: 'foods' },
  { item: 'Chakki Atta (loose)', category: 'Atta & Flours', unit: 'g', brands: ['Loose'], sizes: [['', 3_800]], supplier: 'local' },
  { item: 'Maida', category: 'Atta & Flours', unit: 'pc', brands: ['Rajdhani', 'Fortune', 'Pillsbury'], sizes: [['500 g', 2_800], ['1 kg', 4_800]], supplier: 'foods' },
  { item: 'Besan', category: 'Atta & Flours', unit: 'pc', brands: ['Rajdhani', 'Fortune', 'Tata Sampann'], sizes: [['500 g', 5_500], ['1 kg', 10_500]], supplier: 'foods' },
  { item: 'Suji (Rava)', category: 'Atta & Flours', unit: 'pc', brands: ['Rajdhani', 'Aashirvaad', 'Double Horse'], sizes: [['500 g', 3_000], ['1 kg', 5_600]], supplier: 'foods' },
  { item: 'Basmati Rice', category: 'Rice', unit: 'pc', brands: ['India Gate', 'Daawat', 'Kohinoor', 'Fortune'], sizes: [['1 kg', 14_500], ['5 kg', 69_900]], supplier: 'foods' },
  { item: 'Sona Masoori Rice', category: 'Rice', unit: 'pc', brands: ['Fortune', 'Lalitha', 'India Gate'], sizes: [['5 kg', 36_000], ['10 kg', 69_000]], supplier: 'foods' },
  { item: 'Rice (loose)', category: 'Rice', unit: 'g', brands: ['Loose'], sizes: [['', 5_200]], supplier: 'local' },
  { item: 'Poha', category: 'Rice', unit: 'pc', brands: ['Rajdhani', 'Tata Sampann', 'Haldiram'], sizes: [['500 g', 4_200]], supplier: 'foods' },
  { item: 'Toor Dal', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Fortune', 'Rajdhani'], sizes: [['500 g', 8_900], ['1 kg', 17_200]], supplier: 'foods' },
  { item: 'Toor Dal (loose)', category: 'Dal & Pulses', unit: 'g', brands: ['Loose'], sizes: [['', 15_800]], supplier: 'local' },
  { item: 'Moong Dal', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Fortune', 'Rajdhani'], sizes: [['500 g', 6_800], ['1 kg', 13_200]], supplier: 'foods' },
  { item: 'Chana Dal', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Fortune', 'Rajdhani'], sizes: [['500 g', 4_900], ['1 kg', 9_500]], supplier: 'foods' },
  { item: 'Masoor Dal', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Fortune'], sizes: [['500 g', 5_600], ['1 kg', 10_900]], supplier: 'foods' },
  { item: 'Urad Dal', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Rajdhani'], sizes: [['500 g', 7_200], ['1 kg', 13_900]], supplier: 'foods' },
  { item: 'Rajma', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Rajdhani'], sizes: [['500 g', 8_500]], supplier: 'foods' },
  { item: 'Kabuli Chana', category: 'Dal & Pulses', unit: 'pc', brands: ['Tata Sampann', 'Rajdhani'], sizes: [['500 g', 7_900]], supplier: 'foods' },
  { item: 'Kachi Ghani Mustard Oil', category: 'Oil & Ghee', unit: 'pc', brands: ['Fortune', 'Dhara', 'Patanjali', 'Engine'], sizes: [['1 L', 17_500], ['5 L', 84_000]], supplier: 'foods' },
  { item: 'Mustard Oil (loose)', category: 'Oil & Ghee', unit: 'ml', brands: ['Loose'], sizes: [['', 15_500]], supplier: 'local' },
  { item: 'Sunflower Oil', category: 'Oil & Ghee', unit: 'pc', brands: ['Fortune', 'Saffola', 'Sundrop', 'Freedom'], sizes: [['1 L', 15_200], ['5 L', 72_500]], supplier: 'foods' },
  { item: 'Soyabean Oil', category: 'Oil & Ghee', unit: 'pc', brands: ['Fortune', 'Nature Fresh'], sizes: [['1 L', 13_800]], supplier: 'foods' },
  { item: 'Desi Ghee', category: 'Oil & Ghee', unit: 'pc', brands: ['Amul', 'Patanjali', 'Gowardhan', 'Aashirvaad'], sizes: [['500 ml', 30_500], ['1 L', 59_500]], supplier: 'dairy' },
  { item: 'Sugar', category: 'Sugar & Salt', unit: 'pc', brands: ['Madhur', 'Uttam', 'Dhampure'], sizes: [['1 kg', 5_200], ['5 kg', 24_500]], supplier: 'foods' },
  { item: 'Sugar (loose)', category: 'Sugar & Salt', unit: 'g', brands: ['Loose'], sizes: [['', 4_400]], supplier: 'local' },
  { item: 'Iodised Salt', category: 'Sugar & Salt', unit: 'pc', brands: ['Tata', 'Aashirvaad', 'Catch', 'Annapurna'], sizes: [['1 kg', 2_800]], supplier: 'foods' },
  { item: 'Jaggery', category: 'Sugar & Salt', unit: 'pc', brands: ['Organic India', 'Patanjali'], sizes: [['1 kg', 7_000]], supplier: 'foods' },
  { item: 'Tea', category: 'Tea & Coffee', unit: 'pc', brands: ['Tata Tea Premium', 'Red Label', 'Taj Mahal', 'Wagh Bakri', 'Tata Tea Gold'], sizes: [['250 g', 14_500], ['500 g', 27_500], ['1 kg', 52_000]], supplier: 'fmcg' },
  { item: 'Instant Coffee', category: 'Tea & Coffee', unit: 'pc', brands: ['Nescafe Classic', 'Bru', 'Davidoff'], sizes: [['50 g', 19_000], ['100 g', 34_000]], supplier: 'fmcg' },
  { item: 'Bath Soap', category: 'Personal Care', unit: 'pc', brands: ['Lux', 'Lifebuoy', 'Dettol', 'Santoor', 'Dove', 'Medimix', 'Cinthol', 'Hamam', 'Pears'], sizes: [['100 g', 3_800], ['4 x 100 g', 14_000]], supplier: 'fmcg' },
  { item: 'Toothpaste', category: 'Personal Care', unit: 'pc', brands: ['Colgate Strong Teeth', 'Pepsodent', 'Close-Up', 'Dabur Red', 'Sensodyne'], sizes: [['100 g', 5_500], ['200 g', 10_500]], supplier: 'fmcg' },
  { item: 'Shampoo', category: 'Personal Care', unit: 'pc', brands: ['Clinic Plus', 'Sunsilk', 'Head & Shoulders', 'Dove', 'Chik'], sizes: [['sachet', 200], ['180 ml', 15_000]], supplier: 'fmcg' },
  { item: 'Coconut Hair Oil', category: 'Personal Care', unit: 'pc', brands: ['Parachute', 'Dabur', 'Bajaj Almond Drops'], sizes: [['100 ml', 5_200], ['300 ml', 14_500]], supplier: 'fmcg' },
  { item: 'Detergent Powder', category: 'Household', unit: 'pc', brands: ['Surf Excel', 'Tide', 'Wheel', 'Ariel', 'Nirma', 'Ghadi'], sizes: [['500 g', 7_000], ['1 kg', 13_500]], supplier: 'fmcg' },
  { item: 'Detergent Bar', category: 'Household', unit: 'pc', brands: ['Rin', 'Surf Excel', 'Wheel', 'Sunlight'], sizes: [['150 g', 1_000], ['250 g', 2_000]], supplier: 'fmcg' },
  { item: 'Dishwash Bar', category: 'Household', unit: 'pc', brands: ['Vim', 'Exo', 'Pril'], sizes: [['200 g', 2_000]], supplier: 'fmcg' },
  { item: 'Agarbatti', category: 'Household', unit: 'pc', brands: ['Cycle', 'Mangaldeep', 'Zed Black'], sizes: [['small', 1_000], ['family pack', 6_000]], supplier: 'fmcg' },
  { item: 'Matchbox (10)', category: 'Household', unit: 'pc', brands: ['Ship', 'Homelites'], sizes: [['pack', 1_000]], supplier: 'local' },
  { item: 'Biscuits', category: 'Biscuits & Snacks', unit: 'pc', brands: ['Parle-G', 'Britannia Good Day', 'Britannia Marie Gold', 'Sunfeast Dark Fantasy', 'Parle Hide & Seek', 'Parle Monaco', 'Britannia Bourbon', 'Oreo', 'Tiger'], sizes: [['small', 1_000], ['family pack', 3_500]], supplier: 'fmcg' },
  { item: 'Namkeen', category: 'Biscuits & Snacks', unit: 'pc', brands: ["Haldiram's Aloo Bhujia", 'Bikaji Bhujia', "Haldiram's Moong Dal", 'Balaji Ratlami Sev'], sizes: [['200 g', 5_500], ['400 g', 10_000]], supplier: 'fmcg' },
  { item: 'Chips', category: 'Biscuits & Snacks', unit: 'pc', brands: ["Lay's Classic", "Lay's Magic Masala", 'Kurkure Masala Munch', 'Bingo Mad Angles', "Uncle Chipps"], sizes: [['small', 1_000], ['large', 2_000]], supplier: 'fmcg' },
  { item: 'Instant Noodles', category: 'Biscuits & Snacks', unit: 'pc', brands: ['Maggi', 'Yippee', 'Top Ramen', "Ching's"], sizes: [['70 g', 1_400], ['4-pack', 5_600]], supplier: 'fmcg' },
  { item: 'Turmeric Powder', category: 'Spices', unit: 'pc', brands: ['Everest', 'MDH', 'Catch', 'Aachi', 'Tata Sampann'], sizes: [['100 g', 3_500], ['200 g', 6_800]], supplier: 'fmcg' },
  { item: 'Red Chilli Powder', category: 'Spices', unit: 'pc', brands: ['Everest', 'MDH', 'Catch', 'Aachi'], sizes: [['100 g', 4_500], ['200 g', 8_500]], supplier: 'fmcg' },
  { item: 'Coriander Powder', category: 'Spices', unit: 'pc', brands: ['Everest', 'MDH', 'Catch'], sizes: [['100 g', 3_000]], supplier: 'fmcg' },
  { item: 'Garam Masala', category: 'Spices', unit: 'pc', brands: ['Everest', 'MDH', 'Catch', 'Badshah'], sizes: [['50 g', 4_500], ['100 g', 8_500]], supplier: 'fmcg' },
  { item: 'Jeera (Cumin)', category: 'Spices', unit: 'pc', brands: ['Everest', 'Catch', 'Tata Sampann'], sizes: [['100 g', 7_000]], supplier: 'fmcg' },
  { item: 'Kasuri Methi', category: 'Spices', unit: 'pc', brands: ['MDH', 'Everest'], sizes: [['25 g', 2_500]], supplier: 'fmcg' },
  { item: 'Toned Milk', category: 'Dairy & Bread', unit: 'pc', brands: ['Amul Taaza', 'Mother Dairy', 'Nandini', 'Aavin'], sizes: [['500 ml', 2_800], ['1 L', 5_400]], supplier: 'dairy' },
  { item: 'Butter', category: 'Dairy & Bread', unit: 'pc', brands: ['Amul', 'Britannia'], sizes: [['100 g', 5_600], ['500 g', 28_500]], supplier: 'dairy' },
  { item: 'Curd', category: 'Dairy & Bread', unit: 'pc', brands: ['Amul Masti', 'Mother Dairy', 'Nandini'], sizes: [['400 g', 3_500]], supplier: 'dairy' },
  { item: 'Paneer', category: 'Dairy & Bread', unit: 'pc', brands: ['Amul', 'Mother Dairy'], sizes: [['200 g', 9_000]], supplier: 'dairy' },
  { item: 'Bread', category: 'Dairy & Bread', unit: 'pc', brands: ['Britannia', 'Modern', 'Harvest Gold', 'English Oven'], sizes: [['400 g', 4_500]], supplier: 'dairy' },
  { item: 'Eggs', category: 'Dairy & Bread', unit: 'pc', brands: ['Farm Fresh'], sizes: [['6 pack', 4_200], ['30 tray', 19_500]], supplier: 'local' },
  { item: 'Honey', category: 'Breakfast', unit: 'pc', brands: ['Dabur', 'Patanjali', 'Saffola'], sizes: [['250 g', 11_000], ['500 g', 21_000]], supplier: 'fmcg' },
  { item: 'Cornflakes', category: 'Breakfast', unit: 'pc', brands: ["Kellogg's", 'Bagrry\'s'], sizes: [['475 g', 21_000]], supplier: 'fmcg' },
  { item: 'Cola', category: 'Beverages', unit: 'pc', brands: ['Coca-Cola', 'Thums Up', 'Pepsi', 'Sprite', 'Limca'], sizes: [['250 ml', 2_000], ['750 ml', 4_000], ['2 L', 9_500]], supplier: 'beverages' },
  { item: 'Mango Drink', category: 'Beverages', unit: 'pc', brands: ['Frooti', 'Maaza', 'Slice'], sizes: [['200 ml', 1_000], ['1.2 L', 7_000]], supplier: 'beverages' },
  { item: 'Packaged Water', category: 'Beverages', unit: 'pc', brands: ['Bisleri', 'Kinley', 'Aquafina'], sizes: [['1 L', 2_000]], supplier: 'beverages' },
];

/** Regional brands that fill a long catalog (every region has its own mills and packers). */
export const REGIONAL_BRANDS = [
  'Shree Ganesh', 'Laxmi', 'Annapoorna Gold', 'Vijay', 'Krishna', 'Sai Baba', 'Om', 'Bharat', 'Durga', 'Balaji',
  'Mahalaxmi', 'Gayatri', 'Shakti', 'Nandi', 'Kaveri', 'Ganga', 'Saraswati', 'Sagar', 'Surya', 'Jai Hind',
  'Ambika', 'Shiva', 'Hanuman', 'Kamdhenu', 'Golden Harvest', 'Tirupati', 'Meenakshi', 'Sri Sai', 'Royal', 'Desi Swad',
];

export const REGIONS: Record<string, readonly string[]> = {
  North: ['Delhi', 'Lucknow', 'Jaipur', 'Chandigarh', 'Kanpur', 'Agra', 'Varanasi', 'Dehradun'],
  West: ['Mumbai', 'Pune', 'Ahmedabad', 'Surat', 'Nagpur', 'Indore', 'Nashik', 'Rajkot'],
  South: ['Bengaluru', 'Chennai', 'Hyderabad', 'Kochi', 'Coimbatore', 'Madurai', 'Mysuru', 'Vijayawada'],
  East: ['Kolkata', 'Patna', 'Bhubaneswar', 'Ranchi', 'Guwahati', 'Siliguri'],
  Central: ['Bhopal', 'Raipur', 'Jabalpur', 'Gwalior'],
};

export const LOCALITIES = [
  'Main Bazaar', 'Station Road', 'Gandhi Nagar', 'Civil Lines', 'Sadar Bazaar', 'MG Road', 'Nehru Colony', 'Shastri Nagar',
  'Rajendra Nagar', 'Old Market', 'Ram Nagar', 'Subhash Chowk', 'Patel Nagar', 'Lajpat Nagar', 'Model Town', 'Indira Colony',
];

export const OWNER_NAMES = [
  'Sharma', 'Gupta', 'Agarwal', 'Patel', 'Reddy', 'Iyer', 'Nair', 'Das', 'Banerjee', 'Singh', 'Yadav', 'Jain',
  'Khan', 'Shaikh', 'Verma', 'Mishra', 'Pillai', 'Rao', 'Naidu', 'Bose', 'Mehta', 'Shah', 'Desai', 'Kulkarni',
];

export const STORE_KINDS = ['Kirana Store', 'General Store', 'Provision Store', 'Super Mart', 'Kirana & General', 'Traders'];

export const STAFF_FIRST_NAMES = [
  'Ramesh', 'Suresh', 'Priya', 'Anita', 'Rahul', 'Deepak', 'Sunita', 'Vikram', 'Pooja', 'Arjun', 'Kavita', 'Manoj',
  'Lakshmi', 'Imran', 'Farida', 'Ravi', 'Meena', 'Gopal', 'Sanjay', 'Rekha',
];

export const SUPPLIER_GROUPS: Record<StapleItem['supplier'], readonly string[]> = {
  foods: ['Shree Balaji Traders', 'Agarwal Foods Distributors', 'Annapurna Wholesale', 'Mahavir Grain Merchants'],
  fmcg: ['HUL Super Stockist', 'ITC Distributor', 'Dabur Stockist', 'Nestle Distributor', 'P&G Stockist'],
  dairy: ['Amul Parlour Distributor', 'Mother Dairy Agency', 'Britannia Bakery Agency'],
  beverages: ['Coca-Cola Bottler Depot', 'PepsiCo Depot', 'Parle Agro Distributor'],
  local: ['Mandi Wholesale', 'Local Oil Mill', 'Poultry Farm Supply'],
};
